import { defineMessages } from "./define";

/** Document titles and the page description. */
export const meta = defineMessages({
  en: {
    description: "Self-hosted Codex: delegate coding tasks, approve what the agent runs, apply its diffs.",
    login: "Log in · Codex Cloud",
    signup: "Create an account · Codex Cloud",
    tasks: "Tasks · Codex Cloud",
    task: "Task · Codex Cloud",
    environments: "Environments · Codex Cloud",
    settings: "Settings · Codex Cloud",
    audit: "Audit · Codex Cloud",
  },
  "zh-CN": {
    description: "自托管的 Codex：委派编码任务，审批智能体要运行的操作，应用它的差异。",
    login: "登录 · Codex Cloud",
    signup: "创建账户 · Codex Cloud",
    tasks: "任务 · Codex Cloud",
    task: "任务详情 · Codex Cloud",
    environments: "环境 · Codex Cloud",
    settings: "设置 · Codex Cloud",
    audit: "审计 · Codex Cloud",
  },
});
