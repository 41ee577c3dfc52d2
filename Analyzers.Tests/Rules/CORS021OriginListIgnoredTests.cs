using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.OriginListIgnoredCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS021OriginListIgnoredTests
{
    private const string NotLookedAt = "the origins listed with WithOrigins are allowed only if the predicate accepts them, and it does not look at them";

    private static string Rejected(string origin) => $"the predicate rejects the listed origin '{origin}', so that origin is never allowed";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ignored(string consequence) =>
        VerifyCS.Diagnostic(DiagnosticIds.OriginListIgnored).WithLocation(0).WithLocation(1).WithArguments(consequence);

    /// <summary>CORS026 on a predicate in a method or helper: the parse, and where the policy uses the predicate.</summary>
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Throws(int location, int use, string origin = "origin") =>
        VerifyCS.Diagnostic(DiagnosticIds.OriginCheckThrowsOnNull).WithLocation(location).WithLocation(use).WithArguments(origin);

    [Theory]
    [InlineData("p.{|#1:WithOrigins(\"https://app.contoso.com\")|}.{|#0:SetIsOriginAllowed(o => o == \"https://admin.contoso.com\")|}")]
    [InlineData("p.{|#0:SetIsOriginAllowed(o => o == \"https://admin.contoso.com\")|}.{|#1:WithOrigins(\"https://app.contoso.com\")|}")]
    [InlineData("p.{|#1:WithOrigins(\"https://app.contoso.com\")|}.{|#0:SetIsOriginAllowed(o => {|CORS026:new Uri(o)|}.Host == \"localhost\")|}")]
    [InlineData("p.{|#1:WithOrigins(\"https://app.contoso.com\")|}.{|#0:SetIsOriginAllowed(o => o.EndsWith(\".partner.example\", StringComparison.OrdinalIgnoreCase))|}")]
    public async Task ListedOriginRejectedByPredicate_ReportsDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => {{policy}}));
            """, Ignored(Rejected("https://app.contoso.com")));
    }

    [Fact]
    public async Task ConfiguredListWithSelfContainedPredicate_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .{|#1:WithOrigins(origins)|}
                .{|#0:SetIsOriginAllowed(origin => {|CORS026:new Uri(origin)|}.Host == "localhost")|}
                .AllowCredentials()));
            """, Ignored(NotLookedAt));
    }

    [Fact]
    public async Task MethodGroupPredicateAndBlockBody_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.{|#1:WithOrigins("https://app.contoso.com")|}.{|#0:SetIsOriginAllowed(Origins.IsInternal)|});

            static class Origins
            {
                public static bool IsInternal(string origin)
                {
                    var host = {|#2:new Uri(origin)|}.Host;
                    if (host == "localhost")
                    {
                        return true;
                    }

                    return host.EndsWith(".corp.contoso.com");
                }
            }
            """, Ignored(Rejected("https://app.contoso.com")), Throws(2, 0));
    }

    [Theory]
    // The predicate tests the very list: the listed origins pass.
    [InlineData("p.WithOrigins(Allowed).SetIsOriginAllowed(o => Allowed.Contains(o) || o.EndsWith(\".corp.contoso.com\"))")]
    [InlineData("p.WithOrigins(Allowed).SetIsOriginAllowed(o => o.EndsWith(\".corp.contoso.com\") || Allowed.Contains(o, StringComparer.OrdinalIgnoreCase))")]
    // The predicate accepts each listed constant.
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(o => o == \"https://app.contoso.com\" || o.EndsWith(\".corp.contoso.com\"))")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(o => o is \"https://app.contoso.com\" or \"https://admin.contoso.com\")")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(o => {|CORS026:new Uri(o)|}.Host.EndsWith(\".contoso.com\"))")]
    // WithOrigins lowercases what it stores; an early guard on empty origins is evaluated.
    [InlineData("p.WithOrigins(\"https://App.Contoso.com\").SetIsOriginAllowed(o => o == \"https://app.contoso.com\")")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(o => { if (string.IsNullOrEmpty(o)) return false; return o.StartsWith(\"https://\"); })")]
    // SetIsOriginAllowedToAllowWildcardSubdomains checks the list, also when it replaces an earlier predicate.
    [InlineData("p.WithOrigins(\"https://*.contoso.com\").SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(o => o == \"https://x.example\").SetIsOriginAllowedToAllowWildcardSubdomains()")]
    // Always true: CORS003 speaks; any origin wins over the predicate: CORS003 and CORS027 speak.
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").{|CORS003:SetIsOriginAllowed(_ => true)|}")]
    [InlineData("p.{|CORS027:{|CORS003:AllowAnyOrigin()|}|}.SetIsOriginAllowed(o => o == \"https://x.example\")")]
    // No list, or a predicate the model cannot see into.
    [InlineData("p.SetIsOriginAllowed(o => o == \"https://x.example\")")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(IsAllowed)")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(o => Check(o))")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(o => o.StartsWith(\"https://x/\", (StringComparison)42))")]
    [InlineData("p.WithOrigins(\"https://app.contoso.com\").SetIsOriginAllowed(o => string.Equals(o, \"https://x\", Comparison))")]
    public async Task PredicateAcceptsListOrNoIgnoredList_NoDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => {{policy}}));

            partial class Program
            {
                private static readonly string[] Allowed = ["https://app.contoso.com"];
                private static readonly Func<string, bool> IsAllowed = o => true;

                private static bool Check(string origin) => Lookup.Contains(origin);

                private static readonly HashSet<string> Lookup = new();

                private static StringComparison Comparison = StringComparison.Ordinal;
            }
            """);
    }

    [Fact]
    public async Task PredicateOnlyInDevelopment_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                p.WithOrigins("https://app.contoso.com");
                if (builder.Environment.IsDevelopment())
                {
                    p.SetIsOriginAllowed(origin => {|CORS026:new Uri(origin)|}.Host == "localhost");
                }
            }));
            """);
    }

    [Fact]
    public async Task UserTypeWithSameMethodNames_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var policy = new MyPolicy().WithOrigins("https://app.contoso.com").SetIsOriginAllowed(o => o == "https://x.example");

            sealed class MyPolicy
            {
                public MyPolicy WithOrigins(params string[] origins) => this;

                public MyPolicy SetIsOriginAllowed(Func<string, bool> check) => this;
            }
            """);
    }

    [Fact]
    public async Task ExpressionBody_Fix_AcceptsListedOriginsFirst()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p
                .{|#1:WithOrigins("https://app.contoso.com", "https://admin.contoso.com")|}
                // partner sites
                .{|#0:SetIsOriginAllowed(origin => origin.EndsWith(".partner.example") ? origin.StartsWith("https://") : false)|}
                .AllowAnyHeader()));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p
                .WithOrigins("https://app.contoso.com", "https://admin.contoso.com")
                // partner sites
                .SetIsOriginAllowed(origin => origin == "https://app.contoso.com" || origin == "https://admin.contoso.com" || (origin.EndsWith(".partner.example") ? origin.StartsWith("https://") : false))
                .AllowAnyHeader()));
            """, OriginListIgnoredCodeFixProvider.AcceptListedOriginsKey, expected: Ignored(Rejected("https://app.contoso.com")));
    }

    [Fact]
    public async Task ConfiguredList_Fix_UsesTheListItself()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|#1:WithOrigins(origins)|}.{|#0:SetIsOriginAllowed(o => {|CORS026:new Uri(o)|}.Host == "localhost")|}));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).SetIsOriginAllowed(o => origins.Contains(o) || new Uri(o).Host == "localhost")));
            """, OriginListIgnoredCodeFixProvider.AcceptListedOriginsKey, expected: Ignored(NotLookedAt));
    }

    [Fact]
    public async Task BlockBodyAndMethodGroup_Fix_AddsEarlyReturnOrWraps()
    {
        // The fix keeps the lambda's parse, which still throws on "null" (CORS026 stays); the method group becomes a lambda.
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.{|#1:WithOrigins("https://a.contoso.com")|}.{|#0:SetIsOriginAllowed(origin =>
                {
                    var host = {|CORS026:new Uri(origin)|}.Host;
                    return host == "localhost";
                })|});
                o.AddPolicy("b", p => p.{|#3:WithOrigins("https://b.contoso.com")|}.{|#2:SetIsOriginAllowed(IsLocal)|});
            });

            partial class Program
            {
                private static bool IsLocal(string origin) => {|#4:new Uri(origin)|}.Host == "localhost";
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins("https://a.contoso.com").SetIsOriginAllowed(origin =>
                {
                    if (origin == "https://a.contoso.com")
                    {
                        return true;
                    }

                    var host = {|#5:new Uri(origin)|}.Host;
                    return host == "localhost";
                }));
                o.AddPolicy("b", p => p.WithOrigins("https://b.contoso.com").SetIsOriginAllowed(origin2 => origin2 == "https://b.contoso.com" || IsLocal(origin2)));
            });

            partial class Program
            {
                private static bool IsLocal(string origin) => new Uri(origin).Host == "localhost";
            }
            """)
        {
            CodeActionEquivalenceKey = OriginListIgnoredCodeFixProvider.AcceptListedOriginsKey,
        };
        test.ExpectedDiagnostics.AddRange(new[]
            {
                VerifyCS.Diagnostic(DiagnosticIds.OriginListIgnored).WithLocation(0).WithLocation(1).WithArguments(Rejected("https://a.contoso.com")),
                VerifyCS.Diagnostic(DiagnosticIds.OriginListIgnored).WithLocation(2).WithLocation(3).WithArguments(Rejected("https://b.contoso.com")),
                Throws(4, 2),
            });
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(DiagnosticIds.OriginCheckThrowsOnNull).WithLocation(5).WithArguments("origin"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CallInSharedHelper_NoFix()
    {
        await VerifyCS.VerifyNoCodeFixAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.{|#1:WithOrigins("https://app.contoso.com")|}.{|#0:AllowLocalhost()|}));

            static class CorsExtensions
            {
                public static CorsPolicyBuilder AllowLocalhost(this CorsPolicyBuilder policy) => policy.SetIsOriginAllowed(o => {|#2:new Uri(o)|}.Host == "localhost");
            }
            """, OriginListIgnoredCodeFixProvider.AcceptListedOriginsKey, Ignored(Rejected("https://app.contoso.com")), Throws(2, 0, "o"));
    }
}
