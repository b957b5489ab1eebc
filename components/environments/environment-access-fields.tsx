"use client";

import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, Select } from "antd";
import type { FormInstance } from "antd";
import { INTERNET_MODES, type TInternet } from "@/lib/schemas/environment-env";
import type { MessageKey } from "@/lib/i18n/translate";
import { useT } from "../i18n/locale-provider";
import type { EnvironmentValues, SecretRow } from "./environment-values";

export const INTERNET_LABELS: Record<TInternet, MessageKey> = {
  off: "environments.internetOff",
  setup: "environments.internetSetup",
  on: "environments.internetOn",
};

/** Registers a value that has no input (onFinish gives only registered fields). */
const Carried = (_props: { value?: unknown }) => null;

const rowItem = { style: { flex: "1 1 0", minWidth: 0, marginBottom: 8 } };

/** Internet access, and the allowed domains when it is on. */
export function InternetFields({ form }: { form: FormInstance<EnvironmentValues> }) {
  const t = useT();
  const internet = Form.useWatch("internet", form);
  return (
    <>
      <Form.Item name="internet" label={t("environments.internet")}>
        <Select
          options={INTERNET_MODES.map((m) => ({ value: m, label: t(INTERNET_LABELS[m]) }))}
          optionRender={(option) => <span style={{ whiteSpace: "normal" }}>{option.label}</span>}
        />
      </Form.Item>
      {internet === "on" && (
        <Form.Item name="allowedDomains" label={t("environments.allowedDomains")} extra={t("environments.allowedDomainsHelp")}>
          <Select mode="tags" placeholder="registry.npmjs.org" open={false} suffixIcon={null} tokenSeparators={[",", " "]} />
        </Form.Item>
      )}
    </>
  );
}

/** Name/value rows of plain variables, visible to the setup script and the agent. */
export function VariablesEditor() {
  const t = useT();
  return (
    <Form.Item label={t("environments.variables")} extra={t("environments.variablesHelp")}>
      <Form.List name="variables">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }, i) => (
              <Flex key={key} gap={8} align="start">
                <Form.Item name={[name, "name"]} {...rowItem}>
                  <Input placeholder={t("environments.entryName")} aria-label={t("environments.variableName", { n: i + 1 })} style={{ fontFamily: "monospace" }} />
                </Form.Item>
                <Form.Item name={[name, "value"]} {...rowItem}>
                  <Input placeholder={t("environments.entryValue")} aria-label={t("environments.variableValue", { n: i + 1 })} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t("environments.removeVariable", { n: i + 1 })} onClick={() => remove(name)} />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: "", value: "" })}>{t("environments.addVariable")}</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Write-only secrets: stored ones show by name, and their value left empty keeps it. */
export function SecretsEditor({ form }: { form: FormInstance<EnvironmentValues> }) {
  const t = useT();
  const rows: SecretRow[] = Form.useWatch("secrets", form) ?? [];
  return (
    <Form.Item label={t("environments.secrets")} extra={t("environments.secretsHelp")}>
      <Form.List name="secrets">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }, i) => {
              const stored = rows[name]?.stored === true;
              return (
                <Flex key={key} gap={8} align="start">
                  <Form.Item name={[name, "stored"]} noStyle>
                    <Carried />
                  </Form.Item>
                  <Form.Item name={[name, "name"]} {...rowItem}>
                    <Input readOnly={stored} placeholder={t("environments.entryName")} aria-label={t("environments.secretName", { n: i + 1 })} style={{ fontFamily: "monospace" }} />
                  </Form.Item>
                  <Form.Item name={[name, "value"]} {...rowItem}>
                    <Input.Password
                      autoComplete="new-password"
                      placeholder={stored ? t("environments.secretKept") : t("environments.entryValue")}
                      aria-label={t("environments.secretValue", { n: i + 1 })}
                    />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t("environments.removeSecret", { n: i + 1 })} onClick={() => remove(name)} />
                </Flex>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: "", value: "" })}>{t("environments.addSecret")}</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
