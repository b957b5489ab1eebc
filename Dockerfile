FROM node:20-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends git openssh-client bubblewrap socat ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build
# The server runs unprivileged (the image's `node` user): the task sandbox then gives every task
# its own user namespace instead of its own uid (see README, Security), and a server compromise
# is not root. Next writes its cache under .next at run time.
RUN mkdir -p /data && chown node:node /data && chown -R node:node /app/.next
USER node
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 3000
CMD ["node", "scripts/start.mjs"]
