using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// Compiles an app configuration snippet against the running ASP.NET Core shared framework, runs it on Kestrel at
/// 127.0.0.1 (a real socket, port chosen by the OS) and applies the package's code fixes to it.
/// The snippet declares <c>static class App</c> with <c>Configure(WebApplicationBuilder)</c> and <c>Configure(WebApplication)</c>.
/// </summary>
internal static class LiveApp
{
    /// <summary>The origin the configured apps trust, also what configuration-based fixes read.</summary>
    public const string AppOrigin = "https://app.example";

    public const string EvilOrigin = "https://evil.example";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    private const string Usings = """
        global using System;
        global using System.Linq;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Cors.Infrastructure;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;

        internal static class EntryPoint
        {
            // The snippets form an app (an executable), so the app-wide rules run on them as in a real project.
            private static void Main()
            {
            }
        }
        """;

    public static CSharpCompilation Compile(string source) =>
        CSharpCompilation.Create(
            "LiveApp" + Guid.NewGuid().ToString("N"),
            new[]
            {
                CSharpSyntaxTree.ParseText(source, CorsTestSetup.ParseOptions, "/live/App.cs"),
                CSharpSyntaxTree.ParseText(Usings, CorsTestSetup.ParseOptions, "/live/Usings.cs"),
            },
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(Compile(source), TestCompilations.AllAnalyzers);
        Assert.Empty(exceptions);
        return diagnostics;
    }

    /// <summary>Analyzes the source with the settings files of <paramref name="contentRoot"/> as additional files, as the package passes them.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string contentRoot)
    {
        var settings = Directory.GetFiles(contentRoot, "appsettings*.json").Select(f => TestCompilations.AdditionalFile(f, File.ReadAllText(f)));
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(Compile(source), TestCompilations.AllAnalyzers, settings);
        Assert.Empty(exceptions);
        return diagnostics;
    }

    /// <summary>
    /// Applies the code action with <paramref name="equivalenceKey"/> to the first <paramref name="id"/> diagnostic and returns the new source.
    /// With <paramref name="outputKind"/> a library, the fix sees the snippet as a class library's code (the app that runs it is elsewhere).
    /// </summary>
    public static async Task<string> FixAsync(string source, string id, string equivalenceKey, OutputKind outputKind = OutputKind.ConsoleApplication)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Live", "Live", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(outputKind),
                parseOptions: CorsTestSetup.ParseOptions,
                metadataReferences: References.Value))
            .AddDocument(DocumentId.CreateNewId(projectId), "Usings.cs", Usings)
            .AddDocument(documentId, "App.cs", source);
        var document = solution.GetDocument(documentId)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var (diagnostics, _) = await TestCompilations.AnalyzeAsync(compilation, TestCompilations.AllAnalyzers);
        var diagnostic = diagnostics.First(d => d.Id == id);
        var actions = new List<CodeAction>();
        foreach (var provider in TestCompilations.AllCodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(id)))
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        var chosen = actions.Single(a => a.EquivalenceKey == equivalenceKey);
        var applied = (await chosen.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await applied.GetDocument(documentId)!.GetTextAsync()).ToString();
    }

    /// <summary>
    /// Starts the app; a startup exception is returned instead of thrown. With <paramref name="contentRoot"/>, configuration
    /// is what the host reads from the appsettings files there; otherwise <paramref name="configuration"/> (or one allowed origin).
    /// <paramref name="configureHost"/> runs before the app's own builder code (it may replace the address),
    /// <paramref name="addEndpoints"/> after the app's pipeline.
    /// </summary>
    public static async Task<Running> StartAsync(
        string source,
        IDictionary<string, string?>? configuration = null,
        string? contentRoot = null,
        Action<WebApplicationBuilder>? configureHost = null,
        Action<WebApplication>? addEndpoints = null)
    {
        var compilation = Compile(source);
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("live", isCollectible: true);
        image.Position = 0;
        var assembly = context.LoadFromStream(image);
        var app = assembly.GetType("App") ?? throw new InvalidOperationException("the snippet declares no class App");

        // No appsettings file watchers: parallel servers would otherwise spend the machine's inotify instances.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            Args = new[] { "--hostBuilder:reloadConfigOnChange=false" },
            ContentRootPath = contentRoot,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (contentRoot is null)
        {
            builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = AppOrigin });
        }
        try
        {
            configureHost?.Invoke(builder);
            Invoke(app, builder);
            var web = builder.Build();
            Invoke(app, web);
            addEndpoints?.Invoke(web);
            await web.StartAsync();
            var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new Running(web, context, new Uri(address), null);
        }
        catch (Exception exception)
        {
            ((IDisposable)builder.Configuration).Dispose();
            context.Unload();
            return new Running(null, null, null, exception is TargetInvocationException { InnerException: { } inner } ? inner : exception);
        }
    }

    private static void Invoke(Type app, object argument) =>
        app.GetMethod("Configure", BindingFlags.Public | BindingFlags.Static, new[] { argument.GetType() })!.Invoke(null, new[] { argument });

    internal sealed class Running(WebApplication? app, AssemblyLoadContext? context, Uri? address, Exception? startupException) : IAsyncDisposable
    {
        private static readonly HttpClient Client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

        public Exception? StartupException { get; } = startupException;

        /// <summary>Where the app listens; null when it did not start.</summary>
        public Uri? Address { get; } = address;

        public Task<Observed> GetAsync(string path, string? origin) => SendAsync(HttpMethod.Get, path, origin, preflight: false);

        /// <summary>A POST with an empty body, as the SignalR client's negotiate sends it.</summary>
        public Task<Observed> PostAsync(string path, string? origin) => SendAsync(HttpMethod.Post, path, origin, preflight: false);

        public Task<Observed> PreflightAsync(string path, string origin, string method = "PUT") => SendAsync(HttpMethod.Options, path, origin, preflight: true, method);

        public async ValueTask DisposeAsync()
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            context?.Unload();
        }

        private async Task<Observed> SendAsync(HttpMethod method, string path, string? origin, bool preflight, string requestedMethod = "PUT")
        {
            Assert.True(Address is not null, "the app did not start: " + StartupException);
            using var request = new HttpRequestMessage(method, new Uri(Address!, path));
            if (origin is not null)
            {
                request.Headers.TryAddWithoutValidation("Origin", origin);
            }

            if (preflight)
            {
                request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", requestedMethod);
                request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "content-type");
            }

            using var response = await Client.SendAsync(request);
            string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
            return new Observed($"{method} {path} Origin: {origin ?? "(none)"}", (int)response.StatusCode, Header("Access-Control-Allow-Origin"), Header("Access-Control-Allow-Credentials"))
            {
                ExposeHeaders = Header("Access-Control-Expose-Headers"),
                AllowMethods = Header("Access-Control-Allow-Methods"),
                AllowHeaders = Header("Access-Control-Allow-Headers"),
            };
        }
    }

    /// <summary>What one request got back; its text names the request, so a failing assertion shows it.</summary>
    internal sealed record Observed(string Request, int Status, string? AllowOrigin, string? AllowCredentials)
    {
        public string? ExposeHeaders { get; init; }

        public string? AllowMethods { get; init; }

        public string? AllowHeaders { get; init; }

        public override string ToString() =>
            $"{Request} -> {Status}, ACAO: {AllowOrigin ?? "-"}, ACAC: {AllowCredentials ?? "-"}, ACEH: {ExposeHeaders ?? "-"}, ACAM: {AllowMethods ?? "-"}, ACAH: {AllowHeaders ?? "-"}";
    }
}
