using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsGraph.GraphQL.Transport;

namespace NewsGraph.GraphQL.Ide;

/// <summary>
/// Serves Banana Cake Pop offline on the GraphQL path itself, as Hot Chocolate does: a browser
/// opening <c>/graphql</c> is sent to <c>/graphql/</c>, which serves the IDE from the files the
/// build fetched; <c>bcp-config.json</c> points the IDE at the page's own URL with telemetry off,
/// so it never calls out. GraphQL requests on <c>/graphql</c> (POST, GET with a query, WebSocket)
/// pass through untouched.
/// </summary>
public static partial class BananaCakePopExtensions
{
    public static IApplicationBuilder UseBananaCakePop(this IApplicationBuilder app, PathString path)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<BananaCakePopOptions>>().Value;
        if (!options.Enabled)
            return app;

        var folder = options.FilesPath ?? Path.Combine(AppContext.BaseDirectory, "ide", "bananacakepop");
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            LogIdeMissing(app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BananaCakePopExtensions)), folder);
            return app;
        }

        app.Use(PagesAndConfig(path, Config(options)));
        app.UseStaticFiles(IdeFiles(path, folder));
        return app;
    }

    private static byte[] Config(BananaCakePopOptions options)
        => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["useBrowserUrlAsEndpoint"] = true,
            ["disableTelemetry"] = true,
            ["title"] = options.Title,
        }.Where(p => p.Value is not null).ToDictionary());

    /// <summary>Sends a browser on <paramref name="path"/> to the IDE's page and answers its config; lets GraphQL requests through.</summary>
    private static Func<HttpContext, Func<Task>, Task> PagesAndConfig(PathString path, byte[] config)
    {
        var root = path.Add("/");
        var configPath = path.Add("/bcp-config.json");
        return async (http, next) =>
        {
            var request = http.Request;
            // GraphQL requests on the IDE's address: POST, WebSocket upgrades, GET with a query or a stream.
            if ((!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) || http.WebSockets.IsWebSocketRequest
                || request.Query.ContainsKey("query") || MediaTypes.AcceptsEventStream(request.Headers.Accept))
            {
                await next();
                return;
            }
            if (request.Path == path && MediaTypes.IsBrowserNavigation(request.Headers.Accept))
            {
                http.Response.Redirect(root + request.QueryString);
                return;
            }
            if (request.Path == configPath)
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                http.Response.Headers.CacheControl = "no-cache";
                http.Response.ContentLength = config.Length;
                if (HttpMethods.IsGet(request.Method))
                    await http.Response.Body.WriteAsync(config, http.RequestAborted);
                return;
            }
            if (request.Path == root)
                request.Path = path.Add("/index.html");
            await next();
        };
    }

    private static StaticFileOptions IdeFiles(PathString path, string folder)
    {
        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".webmanifest"] = "application/manifest+json";
        return new StaticFileOptions
        {
            RequestPath = path,
            FileProvider = new PhysicalFileProvider(folder),
            ContentTypeProvider = contentTypes,
            // LICENSE has no extension; it is shipped with the IDE and must be readable.
            ServeUnknownFileTypes = true,
            DefaultContentType = "text/plain; charset=utf-8",
            OnPrepareResponse = context =>
            {
                // Files under static/ carry a content hash in their name; the rest may change with an upgrade.
                var hashed = context.Context.Request.Path.StartsWithSegments(path.Add("/static"));
                context.Context.Response.Headers[HeaderNames.CacheControl] = hashed ? "public, max-age=31536000, immutable" : "no-cache";
            },
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Banana Cake Pop is not served: no index.html in {Folder}. Build the solution with npm available.")]
    private static partial void LogIdeMissing(ILogger logger, string folder);
}
