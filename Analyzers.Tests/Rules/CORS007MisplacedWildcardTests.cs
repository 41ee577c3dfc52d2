using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.OriginNeverMatchesCodeFixProvider>;
using VerifyPolicy = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS007 on a <c>*</c> anywhere but a leading <c>*.</c> subdomain label (GROUND_TRUTH 50).</summary>
public sealed class CORS007MisplacedWildcardTests
{
    internal const string Reason = "'*' is a wildcard only as the leading '*.' subdomain label of an origin with a scheme; anywhere else it is compared literally, with or without SetIsOriginAllowedToAllowWildcardSubdomains(). To allow local development ports, list each one ('http://localhost:4200'), or in development code only use SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback)";

    private static DiagnosticResult NeverMatches(string origin, int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.OriginNeverMatches).WithLocation(location).WithArguments(origin, Reason);

    [Theory]
    [InlineData("http://localhost:*", "")]
    [InlineData("http://localhost:*", ".SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("https://api.*.contoso.com", ".SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("*.contoso.com", ".SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("*.contoso.com", "")]
    [InlineData("https://*.contoso.com:*", ".SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("https://*.*.contoso.com", ".SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("https://app.contoso.*", "")]
    [InlineData("http://127.0.0.1:*", "")]
    [InlineData(" *", "")]
    public async Task MisplacedWildcard_ReportsDiagnostic(string origin, string flag)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com", {|#0:"{{origin}}"|}){{flag}}));
            """, NeverMatches(origin));
    }

    [Fact]
    public async Task PrivateNetworkPattern_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.{|#1:WithOrigins(LocalNetwork)|}.AllowAnyHeader()));

            partial class Program
            {
                private const string LocalNetwork = {|#0:$"http://192.168.*.*:{Any}"|};
                private const string Any = "*";
            }
            """, NeverMatches("http://192.168.*.*:*").WithLocation(1));
    }

    [Theory]
    [InlineData("\"https://*.contoso.com\"", ".SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("\"http://*.localhost\"", ".SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("\"*\"", "")]
    [InlineData("\"http://localhost:4200\", \"http://localhost:5173\"", "")]
    public async Task WildcardWhereItWorks_NoDiagnostic(string origins, string flag)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins({{origins}}){{flag}}));
            """.Replace("WithOrigins(\"*\")", "{|CORS003:WithOrigins(\"*\")|}"));
    }

    [Fact]
    public async Task MisplacedWildcardWithoutFlag_NotAlsoReportedAsIgnoredWildcardSubdomain()
    {
        // CORS008's fix (add the flag) would not make 'https://*.contoso.com:*' match anything.
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins({|#0:"https://*.contoso.com:*"|})));
            """, NeverMatches("https://*.contoso.com:*"));
    }

    [Fact]
    public async Task UserTypeAndUnknownValue_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origin = args.Length > 0 ? args[0] : "http://localhost:*";
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins(origin)));
            new Origins().WithOrigins("http://localhost:*");

            class Origins
            {
                public void WithOrigins(params string[] origins) { }
            }
            """);
    }

    [Fact]
    public async Task EveryShape_Fix_RemovesTheEntry()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins("https://app.contoso.com", {|#0:"http://localhost:*"|}).AllowAnyHeader());
                o.AddPolicy("b", p => p.WithOrigins(new[] { "https://b.contoso.com", {|#1:"http://192.168.*.*:*"|} }));
                o.AddPolicy("c", p => p.WithOrigins({|#2:"https://api.*.contoso.com"|}).WithMethods("GET"));
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader());
                o.AddPolicy("b", p => p.WithOrigins(new[] { "https://b.contoso.com" }));
                o.AddPolicy("c", p => p.WithMethods("GET"));
            });
            """, OriginNeverMatchesCodeFixProvider.RemoveNeverMatchingKey, expected: new[]
            {
                NeverMatches("http://localhost:*"),
                NeverMatches("http://192.168.*.*:*", 1),
                NeverMatches("https://api.*.contoso.com", 2),
            });
    }

    [Fact]
    public async Task EntryBesideStar_NoRemoveFix()
    {
        // Removing it would leave "*" alone: every origin allowed.
        await VerifyCS.VerifyNoCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"http://localhost:*"|}, {|#1:"*"|}));
            """, OriginNeverMatchesCodeFixProvider.RemoveNeverMatchingKey,
            NeverMatches("http://localhost:*"),
            VerifyCS.Diagnostic(DiagnosticIds.OriginNeverMatches).WithLocation(1).WithArguments("*", "'*' means any origin only when it is the only entry; next to other origins it is compared literally"));
    }

    [Fact]
    public async Task SettingsValue_ReportsDiagnostic()
    {
        var test = new VerifyPolicy.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|#9:builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()|} ?? []).SetIsOriginAllowedToAllowWildcardSubdomains()));
            """) { TestBehaviors = TestBehaviors.SkipSuppressionCheck };
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """
            {
              "Cors": {
                "AllowedOrigins": [ "https://*.contoso.com", {|#0:"http://localhost:*"|}, {|#1:"*.contoso.com"|} ]
              }
            }
            """));
        test.ExpectedDiagnostics.Add(VerifyPolicy.Diagnostic(DiagnosticDescriptors.OriginNeverMatchesInSettings).WithLocation(0).WithLocation(9)
            .WithArguments("http://localhost:*", "appsettings.json, Cors:AllowedOrigins:1", Reason));
        test.ExpectedDiagnostics.Add(VerifyPolicy.Diagnostic(DiagnosticDescriptors.OriginNeverMatchesInSettings).WithLocation(1).WithLocation(9)
            .WithArguments("*.contoso.com", "appsettings.json, Cors:AllowedOrigins:2", Reason));
        await test.RunAsync();
    }
}
