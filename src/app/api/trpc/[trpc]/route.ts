import { serveTrpc } from "@/server/api/trpc-endpoint";
import { corsPreflight } from "@/server/http/cors";

const handler = (request: Request) => serveTrpc(request);

export { handler as GET, handler as POST };
export const OPTIONS = (request: Request) => corsPreflight(request);
