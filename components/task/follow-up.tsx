"use client";

import { SendOutlined } from "@ant-design/icons";
import { App, Button, Flex, Input } from "antd";
import { useState } from "react";
import { useSendMessage } from "@/lib/queries/tasks";

/** A follow-up turn for the selected attempt; Ctrl+Enter sends. */
export function FollowUp({ taskId, attempt, busy }: { taskId: string; attempt: number; busy: boolean }) {
  const { message } = App.useApp();
  const [text, setText] = useState("");
  const send = useSendMessage(taskId);
  const submit = () => {
    if (!text.trim() || busy) return;
    send.mutate({ text, attempt }, { onSuccess: () => setText(""), onError: (error) => void message.error(error.message) });
  };
  return (
    <Flex gap={8} align="end">
      <Input.TextArea
        aria-label="Follow-up"
        placeholder={busy ? "Wait for the agent to finish, or stop it" : "Ask for a follow-up (Ctrl+Enter to send)"}
        autoSize={{ minRows: 1, maxRows: 8 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && (e.ctrlKey || e.metaKey) && submit()}
      />
      <Button type="primary" icon={<SendOutlined />} disabled={!text.trim() || busy} loading={send.isPending} onClick={submit}>Send</Button>
    </Flex>
  );
}
