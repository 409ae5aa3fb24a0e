import { serveTrpc } from "@/server/api/trpc-endpoint";
import { corsPreflight } from "@/server/http/cors";

export { serveTrpc as GET, serveTrpc as POST };
export const OPTIONS = (request: Request) => corsPreflight(request);
