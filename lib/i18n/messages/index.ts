import { common } from "./common";
import { diff } from "./diff";
import { task } from "./task";

/** Every area's messages; add an area here when it gets its own file. */
export const catalog = { common, diff, task };
