using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.OriginCheckOverriddenCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS027OriginCheckOverriddenTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Overridden(string call = "AllowAnyOrigin()", int location = 0, int predicate = 1) =>
        VerifyCS.Diagnostic(DiagnosticIds.OriginCheckOverridden).WithLocation(location).WithLocation(predicate).WithArguments(call);

    /// <summary>The any-origin call is also the suggestion CORS003 (no credentials, outside development code).</summary>
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult AnyOrigin(string described = "AllowAnyOrigin()", int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.AnyOrigin).WithLocation(location).WithArguments(described);

    private static string Policy(string policy) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("partners", p => {{policy}}));

        partial class Program
        {
            private static bool IsPartner(string origin) => origin == "https://partner.example";
        }
        """;

    [Theory]
    [InlineData("p.{|#1:SetIsOriginAllowed(origin => origin == \"https://partner.example\")|}.{|#0:AllowAnyOrigin()|}")]
    [InlineData("p.{|#0:AllowAnyOrigin()|}.{|#1:SetIsOriginAllowed(origin => origin == \"https://partner.example\")|}.AllowAnyHeader()")]
    [InlineData("p.{|#0:AllowAnyOrigin()|}.{|#1:SetIsOriginAllowed(IsPartner)|}")]
    [InlineData("p.{|#1:SetIsOriginAllowed(IsPartner)|}.AllowAnyOrigin().AllowCredentials().DisallowCredentials().{|#0:AllowAnyOrigin()|}")]
    public async Task PredicateAndAnyOrigin_ReportsDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policy(policy), Overridden(), AnyOrigin());
    }

    [Fact]
    public async Task PredicateAndStarOrigin_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Policy("p.{|#1:SetIsOriginAllowed(IsPartner)|}.{|#0:WithOrigins(\"*\")|}"),
            Overridden("The origin \"*\""),
            AnyOrigin("the origin \"*\""));
    }

    [Fact]
    public async Task StatementsOfOneBuilder_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p =>
            {
                p.{|#1:SetIsOriginAllowed(origin => origin.StartsWith("https://") && origin.EndsWith(".contoso.com"))|};
                p.AllowAnyHeader();
                p.{|#0:AllowAnyOrigin()|};
            });
            app.Run();
            """, Overridden(), AnyOrigin());
    }

    [Fact]
    public async Task DevelopmentOnlyBranch_StillReported()
    {
        // CORS003 is silent in development code; an origin check that never runs is a mistake there too.
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                p.{|#1:SetIsOriginAllowed(origin => {|CORS026:new Uri(origin)|}.IsLoopback)|};
                if (builder.Environment.IsDevelopment())
                {
                    p.{|#0:AllowAnyOrigin()|};
                }
            }));
            """, Overridden());
    }

    [Theory]
    // With credentials the policy fails at startup: CORS001, not this rule.
    [InlineData("p.SetIsOriginAllowed(IsPartner).{|CORS001:AllowAnyOrigin()|}.AllowCredentials()")]
    // A later WithOrigins makes the list more than "*": the check decides.
    [InlineData("p.AllowAnyOrigin().WithOrigins(\"https://partner.example\").SetIsOriginAllowed(origin => origin == \"https://partner.example\")")]
    // Only the predicate, only any origin.
    [InlineData("p.SetIsOriginAllowed(IsPartner)")]
    [InlineData("p.{|CORS003:AllowAnyOrigin()|}")]
    // An always-true check loses nothing.
    [InlineData("p.{|CORS003:SetIsOriginAllowed(_ => true)|}.AllowAnyOrigin()")]
    public async Task CredentialsOrNoOverride_NoDiagnostic(string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policy(policy));
    }

    [Fact]
    public async Task PathsThatDoNotMeet_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
            {
                if (args.Length > 0)
                {
                    p.SetIsOriginAllowed(origin => origin == "https://partner.example");
                }
                else
                {
                    p.{|CORS003:AllowAnyOrigin()|};
                }
            }));
            """);
    }

    [Fact]
    public async Task UserTypeAndUnseenHelper_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            new MyPolicy().SetIsOriginAllowed(o => o == "https://a.example").AllowAnyOrigin();
            System.Action<CorsPolicyBuilder> unseen = b => b.{|CORS003:AllowAnyOrigin()|};
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => unseen(p.SetIsOriginAllowed(o => o == "https://a.example"))));

            class MyPolicy
            {
                public MyPolicy SetIsOriginAllowed(System.Func<string, bool> check) => this;
                public MyPolicy AllowAnyOrigin() => this;
            }
            """);
    }

    [Fact]
    public async Task EveryShape_Fix_RemovesAnyOrigin()
    {
        // CORS003 is marked inline: the fixed code no longer has it, and inline markup is not carried over to it.
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p
                    .{|#1:SetIsOriginAllowed(origin => origin == "https://partner.example")|}
                    .{|#0:{|CORS003:AllowAnyOrigin()|}|}
                    .AllowAnyHeader());
                o.AddPolicy("b", p => p.{|#2:{|CORS003:AllowAnyOrigin()|}|}.{|#3:SetIsOriginAllowed(origin => origin == "https://partner.example")|});
                o.AddPolicy("c", p =>
                {
                    p.{|#5:SetIsOriginAllowed(origin => origin == "https://partner.example")|};
                    p.{|#4:{|CORS003:AllowAnyOrigin()|}|};
                });
            });
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p
                    .SetIsOriginAllowed(origin => origin == "https://partner.example")
                    .AllowAnyHeader());
                o.AddPolicy("b", p => p.SetIsOriginAllowed(origin => origin == "https://partner.example"));
                o.AddPolicy("c", p =>
                {
                    p.SetIsOriginAllowed(origin => origin == "https://partner.example");
                });
            });
            """, OriginCheckOverriddenCodeFixProvider.RemoveAnyOriginKey, expected: new[]
            {
                Overridden(),
                Overridden(location: 2, predicate: 3),
                Overridden(location: 4, predicate: 5),
            });
    }
}
