import { defineMessages } from "./define";

export const common = defineMessages({
  en: {
    justNow: "just now",
    language: "Language",
    loadMore: "Load more",
    copied: "Copied",
    files_one: "{count} file",
    files_other: "{count} files",
  },
  "zh-CN": {
    justNow: "刚刚",
    language: "语言",
    loadMore: "加载更多",
    copied: "已复制",
    files_other: "{count} 个文件",
  },
});
