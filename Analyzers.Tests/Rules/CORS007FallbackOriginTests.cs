using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.OriginNeverMatchesCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS007 on the origins of a fallback for missing configuration: <c>configured ?? new[] { ... }</c>.</summary>
public sealed class CORS007FallbackOriginTests
{
    private const string DefaultPort = "browsers omit the default port; use 'http://localhost'";
    private const string TrailingSlash = "browsers send origins without a trailing slash; use 'https://app.contoso.com'";
    private const string StarBeside = "'*' means any origin only when it is the only entry; next to other origins it is compared literally";

    private static DiagnosticResult NeverMatches(string origin, string reason, int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.OriginNeverMatches).WithLocation(location).WithArguments(origin, reason);

    [Fact]
    public async Task FallbackInLocalInitializer_ReportsEachLiteralWithTheCall()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Web:Origins").Get<string[]>()
                ?? new[] { "http://localhost", {|#0:"http://localhost:80"|}, {|#1:"https://app.contoso.com/"|} };
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.{|#2:WithOrigins(origins)|}.AllowCredentials()));
            """,
            NeverMatches("http://localhost:80", DefaultPort).WithLocation(2),
            NeverMatches("https://app.contoso.com/", TrailingSlash, 1).WithLocation(2));
    }

    [Theory]
    // A collection expression; two levels of fallback; a list made from a split string.
    [InlineData("""builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? [{|#0:"http://localhost:80"|}]""")]
    [InlineData("""builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? builder.Configuration.GetSection("Origins").Get<string[]>() ?? [{|#0:"http://localhost:80"|}]""")]
    [InlineData("""builder.Configuration["Web:Origins"]?.Split(',', StringSplitOptions.TrimEntries) ?? [{|#0:"http://localhost:80"|}]""")]
    public async Task FallbackShapesInLocal_ReportsDiagnostic(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var origins = {{value}};
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.{|#1:WithOrigins(origins)|}));
            """, NeverMatches("http://localhost:80", DefaultPort).WithLocation(1));
    }

    [Theory]
    // An array fallback, and a single configured string, inline in the call.
    [InlineData("""builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? new[] { {|#0:"http://localhost:80"|} }""")]
    [InlineData("""builder.Configuration["Web:Origin"] ?? {|#0:"http://localhost:80"|}""")]
    public async Task FallbackInCall_ReportsDiagnostic(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins({{value}})));
            """, NeverMatches("http://localhost:80", DefaultPort));
    }

    [Fact]
    public async Task FallbackInFieldPropertyAndHelpers_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.AddWebCors();
            var settings = new CorsSettings(builder.Configuration);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.{|#4:WithOrigins(settings.Field)|});
                o.AddPolicy("b", p => p.{|#5:WithOrigins(settings.Property)|});
                o.AddPolicy("c", p => p.{|#6:WithOrigins(settings.Computed)|});
                o.AddPolicy("d", p => p.{|#7:WithOrigins(builder.DefaultOrigins())|});
            });

            sealed class CorsSettings(IConfiguration configuration)
            {
                public readonly string[] Field = configuration.GetSection("Cors:Field").Get<string[]>() ?? [{|#0:"https://field.contoso.com/"|}];

                public string[] Property { get; } = configuration.GetSection("Cors:Property").Get<string[]>() ?? [{|#1:"https://property.contoso.com:443"|}];

                public string[] Computed => configuration.GetSection("Cors:Computed").Get<string[]>() ?? [{|#2:"computed.contoso.com"|}];
            }

            static class CorsSetup
            {
                public static string[] DefaultOrigins(this WebApplicationBuilder builder) =>
                    builder.Configuration.GetSection("Cors:Helper").Get<string[]>() ?? new[] { {|#3:"http://localhost:80"|} };

                public static void AddWebCors(this WebApplicationBuilder builder)
                {
                    var origins = builder.Configuration.GetSection("Cors:Extension").Get<string[]>() ?? new[] { {|#8:"https://app.contoso.com/"|} };
                    builder.Services.AddCors(o => o.AddPolicy("e", p => p.{|#9:WithOrigins(origins)|}));
                }
            }
            """,
            NeverMatches("https://field.contoso.com/", "browsers send origins without a trailing slash; use 'https://field.contoso.com'").WithLocation(4),
            NeverMatches("https://property.contoso.com:443", "browsers omit the default port; use 'https://property.contoso.com'", 1).WithLocation(5),
            NeverMatches("computed.contoso.com", "browsers always send the scheme; use 'https://computed.contoso.com' (or http:// if that is what the site uses)", 2).WithLocation(6),
            NeverMatches("http://localhost:80", DefaultPort, 3).WithLocation(7),
            NeverMatches("https://app.contoso.com/", TrailingSlash, 8).WithLocation(9));
    }

    [Theory]
    // No fallback origin, or one a browser sends.
    [InlineData("?? System.Array.Empty<string>()")]
    [InlineData("?? []")]
    [InlineData("?? new string[0]")]
    [InlineData("""?? new[] { "http://localhost:5173", "https://app.contoso.com" }""")]
    public async Task FallbackThatMatches_NoDiagnostic(string fallback)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Web:Origins").Get<string[]>() {{fallback}};
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(origins).AllowCredentials()));
            """);
    }

    [Fact]
    public async Task ValueThatMayNotBeTheFallback_NoDiagnostic()
    {
        // A local written again, a property a constructor assigns, a virtual one, a helper with two returns: the list may be
        // something else at the call, and the model does not guess.
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? ["https://app.contoso.com/"];
            if (args.Length > 0) origins = args;
            var settings = new CorsSettings(builder.Configuration);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins(origins));
                o.AddPolicy("b", p => p.WithOrigins(settings.Assigned));
                o.AddPolicy("c", p => p.WithOrigins(settings.Overridable));
                o.AddPolicy("d", p => p.WithOrigins(Origins(builder.Configuration, args.Length)));
            });

            static string[] Origins(IConfiguration configuration, int count)
            {
                if (count > 0) return ["https://admin.contoso.com"];
                return configuration.GetSection("Cors:Origins").Get<string[]>() ?? ["https://app.contoso.com/"];
            }

            class CorsSettings
            {
                public CorsSettings(IConfiguration configuration) => Assigned = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];

                public string[] Assigned { get; } = ["https://app.contoso.com/"];

                public virtual string[] Overridable => Assigned ?? ["https://app.contoso.com/"];
            }
            """);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".AllowCredentials()")]
    public async Task StarFallback_OnlyCORS030(string credentials)
    {
        // The "*" is the whole list when the setting is missing: CORS030's finding, not a literal beside other origins, and
        // not CORS001 or CORS003 as well.
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var origins = {|#1:builder.Configuration.GetSection("Web:Origins").Get<string[]>()|} ?? {|#0:new[] { "*" }|};
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins(origins){{credentials}});
                o.AddPolicy("b", p => p.WithOrigins({|#3:builder.Configuration["Web:Origin"]|} ?? {|#2:"*"|}){{credentials}});
            });
            """,
            VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(0).WithLocation(1).WithArguments("The fallback \"*\"", "Web:Origins"),
            VerifyCS.Diagnostic(DiagnosticIds.AnyOriginFallback).WithLocation(2).WithLocation(3).WithArguments("The fallback \"*\"", "Web:Origin"));
    }

    [Fact]
    public async Task NullAndInsecureFallback_OtherRulesReportThem()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Web:Origins").Get<string[]>()
                ?? ["http://localhost:5173", {|#0:"null"|}, {|#1:"http://staging.contoso.com"|}];
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.{|#2:WithOrigins(origins)|}.AllowCredentials()));
            """,
            VerifyCS.Diagnostic(DiagnosticIds.NullOriginTrusted).WithLocation(0).WithLocation(2),
            VerifyCS.Diagnostic(DiagnosticIds.InsecureOriginWithCredentials).WithLocation(1).WithLocation(2).WithArguments("http://staging.contoso.com"));
    }

    [Fact]
    public async Task StarBesideOriginsInFallback_Fix_RemovesStar()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(
                builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? new[] { "https://app.contoso.com", {|#0:"*"|} })));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(
                builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? new[] { "https://app.contoso.com" })));
            """, OriginNeverMatchesCodeFixProvider.RemoveStarKey,
            expected: NeverMatches("*", StarBeside));
    }

    [Fact]
    public async Task OnlyEntryOfFallback_NoRemoveFix()
    {
        // Removing it would leave `?? new[] { }`, which does not compile.
        await VerifyCS.VerifyNoCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(
                builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? new[] { {|#0:"http://localhost:*"|} })));
            """, OriginNeverMatchesCodeFixProvider.RemoveNeverMatchingKey,
            VerifyCS.Diagnostic(DiagnosticIds.OriginNeverMatches).WithLocation(0).WithArguments("http://localhost:*", "'*' is a wildcard only as the leading '*.' subdomain label of an origin with a scheme; anywhere else it is compared literally, with or without SetIsOriginAllowedToAllowWildcardSubdomains(). To allow local development ports, list each one ('http://localhost:4200'), or in development code only use SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback)"));
    }

    [Fact]
    public async Task UseBrowserOrigin_InLocalInitializer_FixAll_RewritesEachLiteralInPlace()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            // Development front ends when nothing is configured.
            var origins = builder.Configuration.GetSection("Web:Origins").Get<string[]>()
                ?? new[] { "http://localhost", {|#0:"http://localhost:80"|}, /* admin */ {|#1:"https://app.contoso.com/"|} };
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.{|#2:WithOrigins(origins)|}.AllowCredentials()));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            // Development front ends when nothing is configured.
            var origins = builder.Configuration.GetSection("Web:Origins").Get<string[]>()
                ?? new[] { "http://localhost", "http://localhost", /* admin */ "https://app.contoso.com" };
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(origins).AllowCredentials()));
            """, OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey, true,
            NeverMatches("http://localhost:80", DefaultPort).WithLocation(2),
            NeverMatches("https://app.contoso.com/", TrailingSlash, 1).WithLocation(2));
    }

    [Fact]
    public async Task SplitOrigins_InFallbackCollection_Fix_SeparateElements()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? [{|#0:"https://a.contoso.com, https://b.contoso.com"|}];
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.{|#1:WithOrigins(origins)|}));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Web:Origins").Get<string[]>() ?? ["https://a.contoso.com", "https://b.contoso.com"];
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(origins)));
            """, OriginNeverMatchesCodeFixProvider.SplitOriginsKey, true,
            NeverMatches("https://a.contoso.com, https://b.contoso.com", "it is one origin, not a list; pass each origin as its own argument").WithLocation(1));
    }

    [Fact]
    public async Task StarInSettingsWithFallback_StillTheWholeConfiguredList()
    {
        // The fallback is not in the list when the setting is there: a configured "*" is any origin (CORS003), not a literal
        // beside the fallback's origins.
        var test = new CSharpAnalyzerVerifier<PolicyRules>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#1:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? ["https://app.contoso.com"])));
            """)
        {
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
        };
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """{ "Cors": { "AllowedOrigins": [ {|#0:"*"|} ] } }"""));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticDescriptors.AnyOriginInSettings).WithLocation(0).WithLocation(1).WithArguments("appsettings.json, Cors:AllowedOrigins:0"));
        await test.RunAsync();
    }
}
