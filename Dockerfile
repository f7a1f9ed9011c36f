# intro-broker in a container: docker compose up -d (see compose.yaml), or
#   docker build -t intro-broker .
#   docker run -d --init --env-file .env -v intro-broker-data:/app/data -p 3000:3000 intro-broker
# The database lives in the /app/data volume. Run it with an init process
# (--init, or `init: true` in compose.yaml) so signals and exits are handled
# like on any machine. test/deploy/dockerfile.test.ts runs these steps.

# ── build: compile TypeScript, then keep only production dependencies ─────────
FROM node:20-slim AS build
# better-sqlite3 compiles its native module when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY db ./db
COPY adapters ./adapters
COPY scripts ./scripts
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

# ── runtime: node, the compiled code, production dependencies; no compiler, no sources ──
FROM node:20-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/app/data/intro-broker.db \
    HEALTH_PORT=8080
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin/launch.mjs /app/bin/intro-broker.mjs /app/bin/build-if-stale.mjs /app/bin/healthcheck.mjs ./bin/
RUN mkdir -p data && chown node:node data
# The image's own unprivileged user (uid 1000).
USER node
VOLUME ["/app/data"]
# PORT: Slack's HTTP mode (/slack/events and /healthz); HEALTH_PORT: /healthz in every mode.
EXPOSE 3000 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "bin/healthcheck.mjs"]
# The bot itself is the process: docker stop's SIGTERM reaches it, and it exits within 10 s.
CMD ["node", "bin/launch.mjs"]
