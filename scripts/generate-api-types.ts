/**
 * npm run api:types — regenerates the typed REST client's types
 * (e2e/api/storefront-api.d.ts) from the OpenAPI document the app serves, with
 * openapi-typescript. The E2E suite fails when the committed file and the live
 * document disagree, so run this after changing a procedure on the REST face.
 */
import { writeFileSync } from "node:fs";
import { openApiDocument } from "@/server/api/rest/openapi-document";
import { apiTypesFrom, API_TYPES_FILE } from "../e2e/lib/api-types";

writeFileSync(API_TYPES_FILE, await apiTypesFrom(openApiDocument()));
process.stdout.write(`Wrote ${API_TYPES_FILE}.\n`);
