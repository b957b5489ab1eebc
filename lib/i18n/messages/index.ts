import { common } from "./common";

/** Every area's messages; add an area here when it gets its own file. */
export const catalog = { common };
