# packet-path bot: Node.js 24 LTS, numeric non-root UID (the kubelet can check runAsNonRoot), compiled TypeScript only.
# Release builds pin the base image by digest: --build-arg NODE_IMAGE=node:24-bookworm-slim@sha256:<digest>
# (docker buildx imagetools inspect node:24-bookworm-slim). The tag default is for local builds only.
ARG NODE_IMAGE=node:24-bookworm-slim
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dialogs ./dialogs
COPY bin ./bin
COPY demo ./demo
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM ${NODE_IMAGE}
ENV NODE_ENV=production PORT=3978
# large malloc blocks (V8 compiler zones, TLS and HTTP buffers) mapped and unmapped, not left in the brk heap: -30 MB RSS
ENV MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/demo ./demo
# the image's "node" user, by number: a name cannot be checked against runAsNonRoot outside OpenShift
USER 1000:1000
EXPOSE 3978
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# young generation 2 × 8 MB: Node 24 grows it to 2 × 64 MB when the heap limit is large (-80 to -110 MB RSS, measured);
# old generation grown by 30 % past the live heap before the next full collection, not up to 4× as V8 allows when the
# heap limit is large (-20 MB RSS when ready at 5,000 pods, -35 MB peak; neutral at 150,000 pods, measured);
# --expose-gc: one full collection once the caches are synced (src/inventory/open.ts)
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=30", "--expose-gc", "dist/src/server.js"]
