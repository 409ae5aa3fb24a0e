import { accountRouter } from "./routers/account";
import { authRouter } from "./routers/auth";
import { catalogRouter } from "./routers/catalog";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  catalog: catalogRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
