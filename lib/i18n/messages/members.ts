import { defineMessages } from "./define";

export const members = defineMessages({
  en: {
    title: "Members",
    help: "Administrators manage environments and members; members use the shared environments for their own tasks.",
    user: "User",
    role: "Role",
    joined: "Joined",
    roleOf: "Role of {email}",
    admin: "Administrator",
    member: "Member",
    you: "you",
    changed: "{email} is now {role}.",
    readOnlyEnvironments: "Environments are shared by everyone on this server; only administrators create, change or delete them.",
    askAdmin: "No environment yet: ask an administrator to add the git repository the agent should work on.",
  },
  "zh-CN": {
    title: "成员",
    help: "管理员管理环境和成员；成员使用共享的环境运行自己的任务。",
    user: "用户",
    role: "角色",
    joined: "加入时间",
    roleOf: "{email} 的角色",
    admin: "管理员",
    member: "成员",
    you: "你",
    changed: "{email} 现在是{role}。",
    readOnlyEnvironments: "环境由本服务器上的所有人共享；只有管理员可以创建、修改或删除环境。",
    askAdmin: "还没有环境：请管理员添加智能体要处理的 git 仓库。",
  },
});
