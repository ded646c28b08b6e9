# syntax=docker/dockerfile:1
# routeplanner-bot as a container image (docs/deploy.md). The steps are the ones .ci/production-install proves
# on every CI run (there is no Docker engine in CI, so this file itself is not built there): build with every
# dependency, then put the built output next to a production-only install and start it.
#   docker build -t routeplanner-bot .

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /build
COPY . .
# npm ci runs the `prepare` script, which builds dist/ with tsc
RUN npm ci --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
COPY --from=build /build/dist ./dist
COPY --from=build /build/package.json /build/package-lock.json ./
COPY --from=build /build/knowledge ./knowledge
# --ignore-scripts: `prepare` would build again, with a compiler that is a dev dependency
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force \
  && mkdir -p /var/lib/routeplanner && chown node:node /var/lib/routeplanner

# HOST=0.0.0.0 inside the container: the bot refuses to start unless Teams is authenticated (MicrosoftAppId)
# or off (TEAMS_ENABLED=false); see docs/deploy.md.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3978 KNOWLEDGE_DIR=/app/knowledge DATA_DIR=/var/lib/routeplanner
USER node
VOLUME /var/lib/routeplanner
EXPOSE 3978
# docker stop sends SIGTERM: the turns in flight finish (10 s at most) and the store is flushed before exit 0
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
