using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.BypassableOriginCheckCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS004BypassableOriginCheckTests
{
    private static string Program(string predicate) => $$"""
        using System.Text.RegularExpressions;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed({{predicate}}).AllowCredentials()));

        partial class Program
        {
            private static readonly Regex Unanchored = new("https://app\\.contoso\\.com");
            private static readonly HashSet<string> Allowed = new() { "https://app.contoso.com" };
            private static readonly List<string> AllowedList = new() { "https://app.contoso.com" };
        }
        """;

    [Theory]
    [InlineData("o => o.{|#0:EndsWith(\"contoso.com\")|}", "EndsWith(\"contoso.com\")", "it also accepts 'https://evilcontoso.com'")]
    [InlineData("o => {|CORS026:new Uri(o)|}.Host.{|#0:EndsWith(\"contoso.com\")|}", "EndsWith(\"contoso.com\")", "it also accepts 'https://evilcontoso.com'")]
    [InlineData("o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Host.{|#0:EndsWith(\"contoso.com\")|}", "EndsWith(\"contoso.com\")", "it also accepts 'https://evilcontoso.com'")]
    [InlineData("o => o.{|#0:StartsWith(\"https://contoso.com\")|}", "StartsWith(\"https://contoso.com\")", "it also accepts 'https://contoso.com.evil.example'")]
    [InlineData("o => o.{|#0:Contains(\"contoso\")|}", "Contains(\"contoso\")", "it also accepts 'https://contoso.evil.example'")]
    [InlineData("o => o.{|#0:IndexOf(\"contoso.com\")|} >= 0", "IndexOf(\"contoso.com\")", "it also accepts 'https://contoso.com.evil.example'")]
    [InlineData("o => Regex.{|#0:IsMatch(o, \"^https://[a-z]+.contoso.com$\")|}", "Regex '^https://[a-z]+.contoso.com$'", "an unescaped '.' matches any character, so look-alike hosts pass")]
    [InlineData("o => Regex.{|#0:IsMatch(o, @\"https://.*\\.contoso\\.com\")|}", "Regex 'https://.*\\.contoso\\.com'", "without ^...$ anchors any origin that contains a match passes")]
    [InlineData("o => Unanchored.{|#0:IsMatch(o)|}", "Regex 'https://app\\.contoso\\.com'", "without ^...$ anchors any origin that contains a match passes")]
    [InlineData("o => {|CORS026:new Uri(o)|}.Host.{|#0:EndsWith(\".vercel.app\")|}", "EndsWith(\".vercel.app\")", "every site anyone publishes on that hosting domain passes")]
    [InlineData("o => Regex.{|#0:IsMatch(o, @\"^https://[a-z0-9-]+\\.azurewebsites\\.net$\")|}", "Regex '^https://[a-z0-9-]+\\.azurewebsites\\.net$'", "every site anyone publishes on that hosting domain passes")]
    public async Task BypassableCheck_ReportsDiagnostic(string predicate, string check, string bypass)
    {
        await VerifyCS.VerifyAnalyzerAsync(Program(predicate), VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments(check, bypass));
    }

    [Fact]
    public async Task MethodGroupPredicateWithParsedHostLocal_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) =>
                    services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(IsAllowed)));

                private static bool IsAllowed(string origin)
                {
                    if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
                    {
                        return false;
                    }

                    var host = uri.Host.ToLowerInvariant();
                    return host.{|#0:EndsWith("contoso.com", StringComparison.OrdinalIgnoreCase)|};
                }
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\"contoso.com\")", "it also accepts 'https://evilcontoso.com'"));
    }

    [Fact]
    public async Task WildcardOnSharedHostingDomain_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"https://*.netlify.app"|}).SetIsOriginAllowedToAllowWildcardSubdomains());
            """, VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0)
                .WithArguments("'https://*.netlify.app' with wildcard subdomains", "every site anyone publishes on that hosting domain is a subdomain of it"));
    }

    [Theory]
    [InlineData("o => Allowed.Contains(o)")]
    [InlineData("o => AllowedList.Contains(o)")]
    [InlineData("o => string.Equals(o, \"https://app.contoso.com\", StringComparison.OrdinalIgnoreCase)")]
    [InlineData("o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Host == \"app.contoso.com\"")]
    [InlineData("o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Host.EndsWith(\".contoso.com\")")]
    [InlineData("o => o.EndsWith(\"://contoso.com\")")]
    [InlineData("o => o.StartsWith(\"https://\") && o.EndsWith(\".contoso.com\")")]
    [InlineData("o => Regex.IsMatch(o, @\"^https://[a-z]+\\.contoso\\.com$\")")]
    [InlineData("o => o.Length.ToString().Contains(\"1\") && false")]
    [InlineData("o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Host == \"myapp.vercel.app\"")]
    public async Task ExactOrBoundedCheck_NoDiagnostic(string predicate)
    {
        await VerifyCS.VerifyAnalyzerAsync(Program(predicate));
    }

    [Fact]
    public async Task SuffixCheckOutsideOriginPredicate_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var file = "report.csv";
            var isCsv = file.EndsWith("csv");
            Func<string, bool> check = o => o.EndsWith("contoso.com");
            """);
    }

    [Fact]
    public async Task HostSuffix_Fix_ExactHostOrSubdomain()
    {
        await VerifyCS.VerifyCodeFixAsync(
            Program("o => {|CORS026:new Uri(o)|}.Host.{|#0:EndsWith(\"contoso.com\")|}"),
            Program("o => {|CORS026:new Uri(o)|}.Host == \"contoso.com\" || new Uri(o).Host.EndsWith(\".contoso.com\")"),
            BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\"contoso.com\")", "it also accepts 'https://evilcontoso.com'"));
    }

    [Fact]
    public async Task OriginSuffixWithComparison_Fix_RequiresHttpsForSubdomains()
    {
        await VerifyCS.VerifyCodeFixAsync(
            Program("o => o.{|#0:EndsWith(\"contoso.com\", StringComparison.OrdinalIgnoreCase)|}"),
            Program("o => string.Equals(o, \"https://contoso.com\", StringComparison.OrdinalIgnoreCase) || (o.StartsWith(\"https://\", StringComparison.OrdinalIgnoreCase) && o.EndsWith(\".contoso.com\", StringComparison.OrdinalIgnoreCase))"),
            BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\"contoso.com\")", "it also accepts 'https://evilcontoso.com'"));
    }

    [Fact]
    public async Task SuffixInsideLargerCondition_Fix_KeepsParentheses()
    {
        await VerifyCS.VerifyCodeFixAsync(
            Program("o => o.Length < 100 && {|CORS026:new Uri(o)|}.Host.{|#0:EndsWith(\"contoso.com\")|}"),
            Program("o => o.Length < 100 && ({|CORS026:new Uri(o)|}.Host == \"contoso.com\" || new Uri(o).Host.EndsWith(\".contoso.com\"))"),
            BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\"contoso.com\")", "it also accepts 'https://evilcontoso.com'"));
    }

    [Fact]
    public async Task SubstringCheck_NoFix()
    {
        await VerifyCS.VerifyNoCodeFixAsync(
            Program("o => o.{|#0:Contains(\"contoso\")|}"),
            BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey,
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("Contains(\"contoso\")", "it also accepts 'https://contoso.evil.example'"));
    }

    [Fact]
    public async Task TwoPolicies_FixAll_FixesEach()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.SetIsOriginAllowed(x => {|CORS026:new Uri(x)|}.Host.{|#0:EndsWith("contoso.com")|}));
                o.AddPolicy("b", p => p.SetIsOriginAllowed(x => {|CORS026:new Uri(x)|}.Host.{|#1:EndsWith("fabrikam.com")|}));
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.SetIsOriginAllowed(x => {|CORS026:new Uri(x)|}.Host == "contoso.com" || new Uri(x).Host.EndsWith(".contoso.com")));
                o.AddPolicy("b", p => p.SetIsOriginAllowed(x => {|CORS026:new Uri(x)|}.Host == "fabrikam.com" || new Uri(x).Host.EndsWith(".fabrikam.com")));
            });
            """,
            BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey,
            true,
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\"contoso.com\")", "it also accepts 'https://evilcontoso.com'"),
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(1).WithArguments("EndsWith(\"fabrikam.com\")", "it also accepts 'https://evilfabrikam.com'"));
    }

    [Theory]
    [InlineData("o => o.{|#0:Contains(\"localhost\")|}", "o => Uri.TryCreate(o, UriKind.Absolute, out var originUri) && originUri.Host == \"localhost\"", "Contains(\"localhost\")", "it also accepts 'https://localhost.evil.example'")]
    [InlineData("o => o.{|#0:StartsWith(\"http://localhost\")|}", "o => string.Equals(o, \"http://localhost\", StringComparison.OrdinalIgnoreCase) || o.StartsWith(\"http://localhost:\", StringComparison.OrdinalIgnoreCase)", "StartsWith(\"http://localhost\")", "it also accepts 'http://localhost.evil.example'")]
    [InlineData("o => o.{|#0:EndsWith(\"localhost:3000\")|}", "o => string.Equals(o, \"http://localhost:3000\", StringComparison.OrdinalIgnoreCase) || string.Equals(o, \"https://localhost:3000\", StringComparison.OrdinalIgnoreCase)", "EndsWith(\"localhost:3000\")", "it also accepts 'https://evillocalhost:3000'")]
    [InlineData("o => o.{|#0:IndexOf(\"127.0.0.1\")|} >= 0", "o => Uri.TryCreate(o, UriKind.Absolute, out var originUri) && originUri.Host == \"127.0.0.1\"", "IndexOf(\"127.0.0.1\")", "it also accepts 'https://127.0.0.1.evil.example'")]
    public async Task RealCodeShapes_Fix_CompareAtBoundaries(string predicate, string fixedPredicate, string check, string bypass)
    {
        await VerifyCS.VerifyCodeFixAsync(
            Program(predicate),
            Program(fixedPredicate),
            BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments(check, bypass));
    }

    [Theory]
    [InlineData("o => o == \"https://app.contoso.com\" || o.{|#0:EndsWith(\".vercel.app\")|}", "o => o == \"https://app.contoso.com\" || (builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains(o)", "EndsWith(\".vercel.app\")", "every site anyone publishes on that hosting domain passes")]
    [InlineData("o => o.{|#0:Contains(\"vercel.app\")|}", "o => (builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains(o)", "Contains(\"vercel.app\")", "it also accepts 'https://vercel.app.evil.example'")]
    [InlineData("o => o.{|#0:EndsWith(\":3000\")|}", "o => (builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains(o)", "EndsWith(\":3000\")", "it also accepts 'https://evil:3000'")]
    [InlineData("o => {|CORS026:new Uri(o)|}.IsLoopback || o.{|#0:Contains(\"tauri\")|}", "o => {|CORS026:new Uri(o)|}.IsLoopback || (builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains(o)", "Contains(\"tauri\")", "it also accepts 'https://tauri.evil.example'")]
    public async Task HostCannotBeDerived_Fix_AllowsTheConfiguredOriginsKeepingExactParts(string predicate, string fixedPredicate, string check, string bypass)
    {
        // Which Vercel site, which host on port 3000, which Tauri origin: only a list can say; the exact parts stay.
        await VerifyCS.VerifyCodeFixAsync(
            Program(predicate),
            Program(fixedPredicate),
            BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments(check, bypass));
    }

    [Fact]
    public async Task TwoUnderivableChecks_FixAll_AllowsTheConfiguredOrigins()
    {
        await VerifyCS.VerifyCodeFixAsync(
            Program("o => o.{|#0:EndsWith(\".vercel.app\")|} || o.{|#1:EndsWith(\".netlify.app\")|}"),
            Program("o => (builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains(o) || (builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains(o)"),
            BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey,
            true,
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\".vercel.app\")", "every site anyone publishes on that hosting domain passes"),
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(1).WithArguments("EndsWith(\".netlify.app\")", "every site anyone publishes on that hosting domain passes"));
    }

    [Fact]
    public async Task NegatedUnderivableCheck_NoFix()
    {
        await VerifyCS.VerifyNoCodeFixAsync(
            Program("o => !o.{|#0:EndsWith(\".vercel.app\")|}"),
            BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey,
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\".vercel.app\")", "every site anyone publishes on that hosting domain passes"));
    }

    [Fact]
    public async Task UnanchoredVerbatimPattern_Fix_AnchorsAndKeepsVerbatim()
    {
        await VerifyCS.VerifyCodeFixAsync(
            Program("o => Regex.{|#0:IsMatch(o, @\"https://(app|www)\\.contoso\\.com\")|}"),
            Program("o => Regex.IsMatch(o, @\"^(?:https://(app|www)\\.contoso\\.com)$\")"),
            BypassableOriginCheckCodeFixProvider.AnchorPatternKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("Regex 'https://(app|www)\\.contoso\\.com'", "without ^...$ anchors any origin that contains a match passes"));
    }

    [Fact]
    public async Task NegatedCheck_NoFix()
    {
        // Narrowing a check under a negation would widen what the predicate accepts.
        await VerifyCS.VerifyNoCodeFixAsync(
            Program("o => !o.{|#0:Contains(\"localhost\")|}"),
            BypassableOriginCheckCodeFixProvider.ExactHostOrSubdomainKey,
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("Contains(\"localhost\")", "it also accepts 'https://localhost.evil.example'"));
    }

    private const string Vercel = "every site anyone publishes on that hosting domain passes";

    private static string Configured(string origin) => $"(builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains({origin})";

    [Fact]
    public async Task ParsedHostLocal_Fix_AllowsTheConfiguredOriginsAndDropsTheParse()
    {
        // The local existed only for the check: it goes with it, and with it the parse that throws on "null".
        await VerifyCS.VerifyCodeFixAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("web", policy => policy
                .SetIsOriginAllowed(origin =>
                {
                    if (string.IsNullOrEmpty(origin))
                        return false;

                    var parsed = {|CORS026:new Uri(origin)|};
                    return parsed.Host.{|#0:EndsWith(".vercel.app")|} ||
                        origin == "https://shop.contoso.example";
                })
                .AllowCredentials()));
            """, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("web", policy => policy
                .SetIsOriginAllowed(origin =>
                {
                    if (string.IsNullOrEmpty(origin))
                        return false;
                    return {{Configured("origin")}} ||
                        origin == "https://shop.contoso.example";
                })
                .AllowCredentials()));
            """,
            BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\".vercel.app\")", Vercel));
    }

    [Fact]
    public async Task HostLocalFromParsedLocal_Fix_DropsBothLocals()
    {
        await VerifyCS.VerifyCodeFixAsync(
            Program("o => { var uri = {|CORS026:new Uri(o)|}; var host = uri.Host.ToLowerInvariant(); return host.{|#0:EndsWith(\".netlify.app\")|}; }"),
            Program($"o => {{ return {Configured("o")}; }}"),
            BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\".netlify.app\")", Vercel));
    }

    [Theory]
    [InlineData(
        "o => { var uri = {|CORS026:new Uri(o)|}; return uri.IsLoopback || uri.Host.{|#0:EndsWith(\".vercel.app\")|}; }",
        "o => { var uri = {|CORS026:new Uri(o)|}; return uri.IsLoopback || (builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains(o); }")]
    [InlineData(
        "o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Host.{|#0:EndsWith(\".vercel.app\")|}",
        "o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && (builder.Configuration.GetSection(\"Cors:AllowedOrigins\").Get<string[]>() ?? []).Contains(o)")]
    public async Task ParsedLocalReadElsewhere_Fix_KeepsIt(string predicate, string fixedPredicate)
    {
        // IsLoopback is exact and stays, so the parse it reads stays too.
        await VerifyCS.VerifyCodeFixAsync(
            Program(predicate),
            Program(fixedPredicate),
            BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\".vercel.app\")", Vercel));
    }

    [Fact]
    public async Task ParsedHostLocalsInTwoPolicies_FixAll_AllowsTheConfiguredOrigins()
    {
        await VerifyCS.VerifyCodeFixAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.SetIsOriginAllowed(x => { var h = {|CORS026:new Uri(x)|}.Host; return h.{|#0:EndsWith(".vercel.app")|}; }));
                o.AddPolicy("b", p => p.SetIsOriginAllowed(x => { var h = {|CORS026:new Uri(x)|}.Host; return h.{|#1:EndsWith(".pages.dev")|}; }));
            });
            """, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.SetIsOriginAllowed(x => { return {{Configured("x")}}; }));
                o.AddPolicy("b", p => p.SetIsOriginAllowed(x => { return {{Configured("x")}}; }));
            });
            """,
            BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey,
            true,
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\".vercel.app\")", Vercel),
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(1).WithArguments("EndsWith(\".pages.dev\")", Vercel));
    }

    [Fact]
    public async Task NoConfigurationInReach_NoFix()
    {
        // A static rule class with no configuration in scope: no list can be read there.
        await VerifyCS.VerifyNoCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(OriginRules.IsAllowed).AllowCredentials()));

            static class OriginRules
            {
                public static bool IsAllowed(string origin)
                {
                    var host = {|CORS026:new Uri(origin)|}.Host;
                    return host.{|#0:EndsWith(".vercel.app")|};
                }
            }
            """,
            BypassableOriginCheckCodeFixProvider.UseConfiguredOriginsKey,
            VerifyCS.Diagnostic(DiagnosticIds.BypassableOriginCheck).WithLocation(0).WithArguments("EndsWith(\".vercel.app\")", Vercel));
    }
}
