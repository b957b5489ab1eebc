// Renders app/icon.svg (the source) into the icons asked for by name: app/favicon.ico (16, 32
// and 48 px) and app/apple-icon.png (180 px, full-bleed: iOS rounds the corners itself).
// Run after changing the SVG: `npm run icons` (Debian's Chromium, as the e2e tests use).
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = `data:image/svg+xml;base64,${readFileSync("app/icon.svg").toString("base64")}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();

/** A PNG of the icon at `size` px, on a transparent background or on `background`. */
async function render(size, background) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<body style="margin:0;background:${background ?? "transparent"}"><img src="${svg}" width="${size}" height="${size}" style="display:block"></body>`);
  return page.screenshot({ omitBackground: !background });
}

/** An .ico holding PNG images (every browser since 2010 reads them). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size, entry);
    header.writeUInt8(size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const images = [];
for (const size of [16, 32, 48]) images.push({ size, png: await render(size) });
writeFileSync("app/favicon.ico", ico(images));
writeFileSync("app/apple-icon.png", await render(180, "#0d0d0d"));
await browser.close();
console.log("Wrote app/favicon.ico and app/apple-icon.png from app/icon.svg.");
