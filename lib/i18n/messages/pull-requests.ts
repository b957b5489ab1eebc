import { defineMessages } from "./define";

export const pullRequests = defineMessages({
  en: {
    create: "Create pull request",
    update: "Update pull request",
    dialogTitle: "Create a pull request",
    branch: "Branch",
    branchHelp: "Pushed to the repository's host; the pull request goes into {base}.",
    draft: "Open as a draft",
    submit: "Push and open",
    opened: "Opened pull request #{number}.",
    updated: "Pushed the new commits to #{number}.",
    open: "open",
    merged: "merged",
    closed: "closed",
    link: "Pull request #{number} ({state})",
  },
  "zh-CN": {
    create: "创建拉取请求",
    update: "更新拉取请求",
    dialogTitle: "创建拉取请求",
    branch: "分支",
    branchHelp: "推送到仓库所在的托管平台；拉取请求合入 {base}。",
    draft: "以草稿形式创建",
    submit: "推送并创建",
    opened: "已创建拉取请求 #{number}。",
    updated: "已将新的提交推送到 #{number}。",
    open: "开放",
    merged: "已合并",
    closed: "已关闭",
    link: "拉取请求 #{number}（{state}）",
  },
});
