using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.OriginCheckThrowsOnNullCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS026OriginCheckThrowsOnNullTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Throws(string origin = "origin", int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.OriginCheckThrowsOnNull).WithLocation(location).WithArguments(origin);

    private static string Policy(string predicate) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("x", p => p.SetIsOriginAllowed({{predicate}}).AllowAnyHeader()));

        partial class Program
        {
            private static readonly HashSet<string> Hosts = new() { "app.contoso.com" };

            private static bool IsCompany(string origin) => {|#0:new Uri(origin)|}.Host.EndsWith(".contoso.com");
        }
        """;

    [Theory]
    [InlineData("origin => {|#0:new Uri(origin)|}.Host == \"localhost\"")]
    [InlineData("origin => Hosts.Contains({|#0:new Uri(origin)|}.Host)")]
    [InlineData("origin => { var host = {|#0:new Uri(origin)|}.Host; return host == \"localhost\" || host.EndsWith(\".contoso.com\"); }")]
    [InlineData("origin => !string.IsNullOrEmpty(origin) && {|#0:new Uri(origin)|}.IsLoopback")]
    [InlineData("origin => origin.Length > 0 && {|#0:new Uri(origin, UriKind.Absolute)|}.IsLoopback")]
    // A listed origin first does not keep "null" out of the parse.
    [InlineData("origin => origin == \"https://app.contoso.com\" || {|#0:new Uri(origin)|}.IsLoopback")]
    [InlineData("origin => { if (string.Equals(origin, \"https://app.contoso.com\", StringComparison.OrdinalIgnoreCase)) return true; return {|#0:new Uri(origin)|}.IsLoopback; }")]
    public async Task UnguardedParse_ReportsDiagnostic(string predicate)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policy(predicate).Replace("{|#0:new Uri(origin)|}.Host.EndsWith", "new Uri(origin).Host.EndsWith"), Throws());
    }

    [Fact]
    public async Task MethodGroup_ReportsInTheMethod()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Policy("IsCompany").Replace("p.SetIsOriginAllowed(IsCompany)", "p.{|#1:SetIsOriginAllowed(IsCompany)|}"),
            Throws().WithLocation(1));
    }

    [Theory]
    [InlineData("origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback")]
    [InlineData("origin => origin != \"null\" && new Uri(origin).IsLoopback")]
    [InlineData("origin => origin.StartsWith(\"https://\") && new Uri(origin).Host.EndsWith(\".contoso.com\")")]
    [InlineData("origin => { try { return new Uri(origin).IsLoopback; } catch (UriFormatException) { return false; } }")]
    [InlineData("origin => { if (!origin.StartsWith(\"http\")) return false; return new Uri(origin).IsLoopback; }")]
    [InlineData("origin => Uri.IsWellFormedUriString(origin, UriKind.Absolute) && new Uri(origin).IsLoopback")]
    [InlineData("origin => new Uri(\"https://app.contoso.com\").Host == origin")]
    [InlineData("origin => { if (origin != \"null\") return new Uri(origin).IsLoopback; return false; }")]
    public async Task GuardedOrNotTheOrigin_NoDiagnostic(string predicate)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policy(predicate).Replace("{|#0:new Uri(origin)|}", "new Uri(origin)"));
    }

    [Fact]
    public async Task OverriddenCheckUserTypeAndUnseenPredicate_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            System.Func<string, bool> check = o => new Uri(o).IsLoopback;
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.SetIsOriginAllowed(check));
                o.AddPolicy("b", p => p.{|#1:SetIsOriginAllowed(x => new Uri(x).IsLoopback)|}.{|#0:{|CORS003:AllowAnyOrigin()|}|});
            });
            new Checker().SetIsOriginAllowed(x => new Uri(x).IsLoopback);

            class Checker
            {
                public void SetIsOriginAllowed(System.Func<string, bool> check) { }
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.OriginCheckOverridden).WithLocation(0).WithLocation(1).WithArguments("AllowAnyOrigin()"));
    }

    [Fact]
    public async Task EveryShape_Fix_UsesTryCreate()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.SetIsOriginAllowed(origin => {|#0:new Uri(origin)|}.Host == "localhost" || new Uri(origin).Host.EndsWith(".contoso.com")));
                o.AddPolicy("b", p => p.SetIsOriginAllowed(o =>
                {
                    var uri = {|#1:new Uri(o)|};
                    return uri.IsLoopback;
                }));
                o.AddPolicy("c", p => p.{|#3:SetIsOriginAllowed(IsCompany)|});
            });

            partial class Program
            {
                private static bool IsCompany(string origin) => {|#2:new System.Uri(origin)|}.Host.EndsWith(".contoso.com");
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Host == "localhost" || uri.Host.EndsWith(".contoso.com"))));
                o.AddPolicy("b", p => p.SetIsOriginAllowed(o =>
                {
                    if (!Uri.TryCreate(o, UriKind.Absolute, out var uri2)) return false;
                    var uri = uri2;
                    return uri.IsLoopback;
                }));
                o.AddPolicy("c", p => p.SetIsOriginAllowed(IsCompany));
            });

            partial class Program
            {
                private static bool IsCompany(string origin) => System.Uri.TryCreate(origin, System.UriKind.Absolute, out var uri) && uri.Host.EndsWith(".contoso.com");
            }
            """, OriginCheckThrowsOnNullCodeFixProvider.UseTryCreateKey, expected: new[]
            {
                Throws(),
                Throws("o", 1),
                Throws(location: 2).WithLocation(3),
            });
    }
}
