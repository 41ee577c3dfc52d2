using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.OriginNeverMatchesCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS007OriginNeverMatchesTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult NeverMatches(string origin, string reason, int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.OriginNeverMatches).WithLocation(location).WithArguments(origin, reason);

    [Theory]
    [InlineData("https://app.contoso.com/", "browsers send origins without a trailing slash; use 'https://app.contoso.com'")]
    [InlineData("https://app.contoso.com/login", "an origin is only scheme, host and port, browsers never send a path, query or fragment; use 'https://app.contoso.com'")]
    [InlineData("https://app.contoso.com:8443/?x=1", "an origin is only scheme, host and port, browsers never send a path, query or fragment; use 'https://app.contoso.com:8443'")]
    [InlineData("app.contoso.com", "browsers always send the scheme; use 'https://app.contoso.com' (or http:// if that is what the site uses)")]
    [InlineData("https://app.contoso.com:443", "browsers omit the default port; use 'https://app.contoso.com'")]
    [InlineData("http://app.contoso.com:80", "browsers omit the default port; use 'http://app.contoso.com'")]
    [InlineData("http:localhost:5173", "'//' is missing after the scheme; use 'http://localhost:5173'")]
    [InlineData("https:/app.contoso.com/login", "'//' is missing after the scheme; use 'https://app.contoso.com'")]
    [InlineData("HTTPS:app.contoso.com:443", "'//' is missing after the scheme; use 'HTTPS://app.contoso.com'")]
    [InlineData("http:5173", "browsers always send the scheme")]
    [InlineData(" https://app.contoso.com", "surrounding whitespace is not trimmed; use 'https://app.contoso.com'")]
    [InlineData("https://a.contoso.com,https://b.contoso.com", "it is one origin, not a list; pass each origin as its own argument")]
    [InlineData("https://a.contoso.com; https://b.contoso.com", "it is one origin, not a list; pass each origin as its own argument")]
    public async Task OriginBrowsersNeverSend_ReportsDiagnostic(string origin, string reason)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins({|#0:"{{origin}}"|})));
            """, NeverMatches(origin, reason));
    }

    [Fact]
    public async Task StarNextToOtherOrigins_ReportsOncePerCall()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://app.contoso.com", {|#0:"*"|}, "*"));
            """, NeverMatches("*", "'*' means any origin only when it is the only entry; next to other origins it is compared literally"));
    }

    [Fact]
    public async Task ConstantsNameofAndInterpolation_ReportsWhereWritten()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#1:WithOrigins(Origins.Spa)|}.WithOrigins({|#2:$"{Origins.Host}/"|}));

            static class Origins
            {
                public const string Host = "https://app.contoso.com";
                public const string Spa = {|#0:Host + "/"|};
            }
            """,
            NeverMatches("https://app.contoso.com/", "browsers send origins without a trailing slash; use 'https://app.contoso.com'").WithLocation(1),
            NeverMatches("https://app.contoso.com/", "browsers send origins without a trailing slash; use 'https://app.contoso.com'", 2));
    }

    [Fact]
    public async Task NameofConstant_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:nameof(localhost)|}));

            partial class Program
            {
                private static readonly int localhost = 0;
            }
            """, NeverMatches("localhost", "browsers always send the scheme; use 'http://localhost'"));
    }

    [Theory]
    [InlineData("https://app.contoso.com")]
    [InlineData("HTTPS://APP.CONTOSO.COM")]
    [InlineData("https://app.contoso.com:8443")]
    [InlineData("http://localhost:5173")]
    [InlineData("https://[::1]:5001")]
    [InlineData("*")]
    public async Task OriginBrowsersSend_NoDiagnostic(string origin)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.{{(origin == "*" ? "{|CORS003:" : "")}}WithOrigins("{{origin}}"){{(origin == "*" ? "|}" : "")}}));
            """);
    }

    [Fact]
    public async Task WildcardSubdomainAndNullAreOtherRules_NoCORS007()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://*.contoso.com", {|CORS005:"null"|}).SetIsOriginAllowedToAllowWildcardSubdomains());
            """);
    }

    [Fact]
    public async Task CollectionExpressionWithSpreads_ReportsLiteralsAndSpreadFieldElements()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var configured = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddPolicy("x", p => p
                .{|#2:WithOrigins([.. configured, .. Origins.Partners, {|#1:"https://app.contoso.com/"|}])|}));

            static class Origins
            {
                public static readonly string[] Local = [{|#0:"https://localhost:5001/"|}];
                public static readonly string[] Partners = [.. Local, "https://fabrikam.com"];
            }
            """,
            NeverMatches("https://app.contoso.com/", "browsers send origins without a trailing slash; use 'https://app.contoso.com'", 1),
            NeverMatches("https://localhost:5001/", "browsers send origins without a trailing slash; use 'https://localhost:5001'").WithLocation(2));
    }

    [Fact]
    public async Task UseBrowserOrigin_CollectionExpressionWithSpread_Fix_RewritesLiteral()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var configured = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins([.. configured, {|#0:"https://app.contoso.com/"|}])));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var configured = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins([.. configured, "https://app.contoso.com"])));
            """,
            OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey,
            true,
            NeverMatches("https://app.contoso.com/", "browsers send origins without a trailing slash; use 'https://app.contoso.com'"));
    }

    [Fact]
    public async Task NonConstantOrigin_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origin = builder.Configuration["Cors:Origin"] + "/";
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins(origin)));
            """);
    }

    [Fact]
    public async Task UseBrowserOrigin_Fix_RewritesLiteral()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"https://app.contoso.com/"|}, "https://admin.contoso.com"));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://app.contoso.com", "https://admin.contoso.com"));
            """, OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey,
            expected: NeverMatches("https://app.contoso.com/", "browsers send origins without a trailing slash; use 'https://app.contoso.com'"));
    }

    [Fact]
    public async Task UseBrowserOrigin_InConstant_Fix_RewritesDeclaration()
    {
        await VerifyCS.VerifyNonLocalCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#1:WithOrigins(Origins.Spa)|});

            static class Origins
            {
                public const string Spa = {|#0:"https://app.contoso.com:443"|};
            }
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins(Origins.Spa));

            static class Origins
            {
                public const string Spa = "https://app.contoso.com";
            }
            """, OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey,
            NeverMatches("https://app.contoso.com:443", "browsers omit the default port; use 'https://app.contoso.com'").WithLocation(1));
    }

    [Fact]
    public async Task SplitOrigins_Fix_SeparateArguments()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"https://a.contoso.com, https://b.contoso.com"|}).AllowAnyHeader());
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://a.contoso.com", "https://b.contoso.com").AllowAnyHeader());
            """, OriginNeverMatchesCodeFixProvider.SplitOriginsKey,
            expected: NeverMatches("https://a.contoso.com, https://b.contoso.com", "it is one origin, not a list; pass each origin as its own argument"));
    }

    [Fact]
    public async Task SplitOriginsHidingHttpWithCredentials_FixAll_TitleSaysItRevealsAnInsecureOrigin()
    {
        var test = new VerifyCS.Test("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"https://a.contoso.com,http://b.contoso.com"|}).AllowCredentials());
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://a.contoso.com", {|#1:"http://b.contoso.com"|}).{|#2:AllowCredentials()|});
            """)
        {
            CodeActionEquivalenceKey = OriginNeverMatchesCodeFixProvider.SplitOriginsKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Split into 2 origins (reveals an insecure origin)", action.Title),
        };
        test.ExpectedDiagnostics.Add(NeverMatches("https://a.contoso.com,http://b.contoso.com", "it is one origin, not a list; pass each origin as its own argument"));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.InsecureOriginWithCredentials).WithLocation(1).WithLocation(2).WithArguments("http://b.contoso.com"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UseBrowserOriginHidingHttpWithCredentials_TitleSaysItRevealsAnInsecureOrigin()
    {
        var test = new VerifyCS.Test("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"http://b.contoso.com/"|}).AllowCredentials());
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#1:"http://b.contoso.com"|}).{|#2:AllowCredentials()|});
            """)
        {
            CodeActionEquivalenceKey = OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Use 'http://b.contoso.com' (reveals an insecure origin)", action.Title),
        };
        test.ExpectedDiagnostics.Add(NeverMatches("http://b.contoso.com/", "browsers send origins without a trailing slash; use 'http://b.contoso.com'"));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.InsecureOriginWithCredentials).WithLocation(1).WithLocation(2).WithArguments("http://b.contoso.com"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SplitOrigins_InArray_Fix_SeparateElements()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins(new[] { {|#0:"https://a.contoso.com;https://b.contoso.com"|} }));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins(new[] { "https://a.contoso.com", "https://b.contoso.com" }));
            """, OriginNeverMatchesCodeFixProvider.SplitOriginsKey,
            expected: NeverMatches("https://a.contoso.com;https://b.contoso.com", "it is one origin, not a list; pass each origin as its own argument"));
    }

    [Fact]
    public async Task UseBrowserOrigin_FixAll_RewritesEach()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"https://a.contoso.com/"|}, {|#1:"b.contoso.com"|}, {|#2:" https://c.contoso.com "|}));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://a.contoso.com", "https://b.contoso.com", "https://c.contoso.com"));
            """, OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey, true,
            NeverMatches("https://a.contoso.com/", "browsers send origins without a trailing slash; use 'https://a.contoso.com'", 0),
            NeverMatches("b.contoso.com", "browsers always send the scheme; use 'https://b.contoso.com' (or http:// if that is what the site uses)", 1),
            NeverMatches(" https://c.contoso.com ", "surrounding whitespace is not trimmed; use 'https://c.contoso.com'", 2));
    }

    [Theory]
    [InlineData("localhost:4200", "http://localhost:4200", "")]
    [InlineData("127.0.0.1:5173/", "http://127.0.0.1:5173", "")]
    [InlineData("app.contoso.com:443", "https://app.contoso.com", " (or http:// if that is what the site uses)")]
    public async Task SchemelessHost_Fix_AddsSchemeByHost(string written, string origin, string hint)
    {
        await VerifyCS.VerifyCodeFixAsync(
            $$"""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"{{written}}"|}));
            """,
            $$"""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("{{origin}}"));
            """,
            OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey,
            expected: NeverMatches(written, $"browsers always send the scheme; use '{origin}'{hint}"));
    }

    [Theory]
    [InlineData("http:localhost:5173", "http://localhost:5173")]
    [InlineData("https:shop.example/", "https://shop.example")]
    [InlineData("http:/[::1]:5000", "http://[::1]:5000")]
    public async Task SchemeWithoutSlashes_Fix_AddsSlashes(string written, string origin)
    {
        await VerifyCS.VerifyCodeFixAsync(
            $$"""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://shop.contoso.com", {|#0:"{{written}}"|}));
            """,
            $$"""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://shop.contoso.com", "{{origin}}"));
            """,
            OriginNeverMatchesCodeFixProvider.UseBrowserOriginKey,
            expected: NeverMatches(written, $"'//' is missing after the scheme; use '{origin}'"));
    }

    [Fact]
    public async Task SchemeWithoutSlashesInJoinedList_Fix_SplitsAndAddsSlashes()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"https://shop.contoso.com,http:localhost:5173"|}));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://shop.contoso.com", "http://localhost:5173"));
            """, OriginNeverMatchesCodeFixProvider.SplitOriginsKey,
            expected: NeverMatches("https://shop.contoso.com,http:localhost:5173", "it is one origin, not a list; pass each origin as its own argument"));
    }

    [Fact]
    public async Task JoinedConcatenationWithSlashes_Fix_SplitsAndNormalises()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"http://localhost:3000/, " + "app.contoso.com"|}));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("http://localhost:3000", "https://app.contoso.com"));
            """, OriginNeverMatchesCodeFixProvider.SplitOriginsKey,
            expected: NeverMatches("http://localhost:3000/, app.contoso.com", "it is one origin, not a list; pass each origin as its own argument"));
    }

    [Fact]
    public async Task StarBesideRealOrigin_Fix_RemovesStar()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://app.contoso.com", {|#0:"*"|}));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://app.contoso.com"));
            """, OriginNeverMatchesCodeFixProvider.RemoveStarKey,
            expected: NeverMatches("*", "'*' means any origin only when it is the only entry; next to other origins it is compared literally"));
    }

    [Fact]
    public async Task StarTwice_NoRemoveFix()
    {
        // Removing one would leave "*" alone: every origin allowed.
        await VerifyCS.VerifyNoCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins({|#0:"*"|}, "*"));
            """, OriginNeverMatchesCodeFixProvider.RemoveStarKey,
            NeverMatches("*", "'*' means any origin only when it is the only entry; next to other origins it is compared literally"));
    }
}
