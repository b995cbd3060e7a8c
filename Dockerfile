# The AfterSales.Disputes API host as a container, over the publish output:
#   dotnet publish src/AfterSales.Disputes.Api -c Release -o publish
#   docker build -t aftersales-disputes .
#   docker run -p 8080:8080 -v aftersales-data:/data -e AfterSales__Database=Postgres -e AfterSales__PostgresConnection=... \
#     -e AfterSales__Auth__Authority=https://login.marketplace.example/ aftersales-disputes
# Configured by environment variables only (the README's "Deploy" section lists them). PublishTests starts the publish
# output exactly as the entrypoint below does (base images cannot be pulled where the tests run).
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY publish/ .
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    AfterSales__DataFolder=/data
# The SQLite file (when not on PostgreSQL) and evidence uploads; the image's non-root user owns it.
RUN mkdir -p /data && chown app /data
VOLUME /data
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=6s --start-period=20s --retries=3 CMD ["dotnet", "AfterSales.Disputes.Api.dll", "health", "http://127.0.0.1:8080"]
ENTRYPOINT ["dotnet", "AfterSales.Disputes.Api.dll"]
