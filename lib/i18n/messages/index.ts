import { approvals } from "./approvals";
import { auth } from "./auth";
import { common } from "./common";
import { diff } from "./diff";
import { environments } from "./environments";
import { members } from "./members";
import { meta } from "./meta";
import { pullRequests } from "./pull-requests";
import { settings } from "./settings";
import { shell } from "./shell";
import { task } from "./task";
import { tasks } from "./tasks";
import { timeline } from "./timeline";

/** Every area's messages; add an area here when it gets its own file. */
export const catalog = { approvals, auth, common, diff, environments, members, meta, pullRequests, settings, shell, task, tasks, timeline };
