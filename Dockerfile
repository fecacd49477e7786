# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image (plus Node.js, which fetches Banana Cake Pop) builds; the ASP.NET
# runtime image runs as the non-root user it ships with, the SQLite file on the /data volume.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first: this layer is reused until a project file changes.
COPY global.json Directory.Build.props Directory.Packages.props NewsGraph.sln ./
COPY src/NewsGraph.GraphQL/NewsGraph.GraphQL.csproj src/NewsGraph.GraphQL/
COPY src/NewsGraph.Api/NewsGraph.Api.csproj src/NewsGraph.Api/
RUN dotnet restore src/NewsGraph.Api/NewsGraph.Api.csproj
COPY src/NewsGraph.GraphQL/Ide/package.json src/NewsGraph.GraphQL/Ide/package-lock.json src/NewsGraph.GraphQL/Ide/.npmrc src/NewsGraph.GraphQL/Ide/
RUN cd src/NewsGraph.GraphQL/Ide && npm ci --ignore-scripts --no-audit --no-fund

COPY .editorconfig ./
COPY src/ src/
COPY seeds/ seeds/
RUN dotnet publish src/NewsGraph.Api/NewsGraph.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown "$APP_UID" /data
# Everything the server writes stays on /data: the SQLite file, the generated token key (one box
# only; several instances configure Auth__SigningKey), trusted documents registered as files.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__News="Data Source=/data/newsgraph.db" \
    Auth__SigningKeyFile=/data/jwt-signing.key \
    GraphQL__TrustedDocuments__Folder=/data/trusted-documents
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=6s --start-period=20s --retries=3 CMD ["dotnet", "NewsGraph.Api.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "NewsGraph.Api.dll"]
