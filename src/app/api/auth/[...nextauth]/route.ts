import { handlers } from "@/server/auth/auth";
import { handleAuthPost } from "@/server/auth/auth-route";

export const { GET } = handlers;
export { handleAuthPost as POST };
