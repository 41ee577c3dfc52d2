using System;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using static CorsAnalyzers.Tests.Live.LiveApp;
using static CorsAnalyzers.Tests.Live.LiveChecks;

namespace CorsAnalyzers.Tests.Live;

/// <summary>
/// The silent failures of CORS021-CORS023 on a real Kestrel server: no exception and no warning log, only responses that a
/// browser rejects. Each test shows the failure, then that the fixed (or the compliant) code works.
/// </summary>
public sealed class LiveSilentFailureTests
{
    private const string PartnerOrigin = "https://partner.example";

    private const string Endpoints = """
        app.MapGet("/r", (HttpResponse response) => { response.Headers["X-Total-Count"] = "3"; return "ok"; });
        app.MapPut("/r", () => "ok");
        """;

    [Fact]
    public async Task CORS021_PredicateReplacesOriginList_ListedOriginRefused_FixedPolicyAllowsBoth()
    {
        var source = App(
            $$"""builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("{{AppOrigin}}").SetIsOriginAllowed(origin => origin == "{{PartnerOrigin}}").AllowAnyHeader().AllowAnyMethod()));""",
            "app.UseCors();\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.OriginListIgnored, OriginListIgnoredCodeFixProvider.AcceptListedOriginsKey);

        await using (var before = await StartAsync(source))
        {
            Assert.Null(before.StartupException);
            await AssertRefusedAsync(before, AppOrigin);
            await AssertAllowedAsync(before, PartnerOrigin);
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin);
        await AssertAllowedAsync(after, PartnerOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS021_WildcardSubdomainCheckAfterPredicate_ChecksTheList_NotReported()
    {
        // Both calls set the policy's one origin check: the later wins, and the wildcard-subdomain check reads the list.
        var source = App(
            $$"""builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("{{AppOrigin}}").SetIsOriginAllowed(origin => origin == "{{PartnerOrigin}}").SetIsOriginAllowedToAllowWildcardSubdomains()));""",
            "app.UseCors();\n" + Endpoints);
        Assert.DoesNotContain(await AnalyzeAsync(source), d => d.Id == DiagnosticIds.OriginListIgnored);

        await using var running = await StartAsync(source);
        var listed = await running.GetAsync("/r", AppOrigin);
        Assert.True(listed.AllowOrigin == AppOrigin, listed.ToString());
        var predicateOnly = await running.GetAsync("/r", PartnerOrigin);
        Assert.True(predicateOnly.AllowOrigin is null, predicateOnly.ToString());
    }

    [Fact]
    public async Task CORS022_ExposedWildcardWithCredentials_SendsLiteralStar_NamedHeaderIsSent()
    {
        const string Policy = """builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.example").WithExposedHeaders({0}).AllowCredentials()));""";
        var source = App(Policy.Replace("{0}", "\"*\""), "app.UseCors();\n" + Endpoints);
        var compliant = App(Policy.Replace("{0}", "\"X-Total-Count\""), "app.UseCors();\n" + Endpoints);
        Assert.Contains(await AnalyzeAsync(source), d => d.Id == DiagnosticIds.WildcardHeaderListWithCredentials);
        Assert.DoesNotContain(await AnalyzeAsync(compliant), d => d.Id.StartsWith("CORS", StringComparison.Ordinal) && d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

        await using (var before = await StartAsync(source))
        {
            // With credentials the browser reads this '*' as a header named '*': X-Total-Count stays unreadable (GROUND_TRUTH 37).
            var get = await before.GetAsync("/r", AppOrigin);
            Assert.True(get.AllowOrigin == AppOrigin && get.AllowCredentials == "true" && get.ExposeHeaders == "*", get.ToString());
        }

        await using var after = await StartAsync(compliant);
        var fixedGet = await after.GetAsync("/r", AppOrigin);
        Assert.True(fixedGet.AllowOrigin == AppOrigin && fixedGet.AllowCredentials == "true" && fixedGet.ExposeHeaders == "X-Total-Count", fixedGet.ToString());
    }

    [Fact]
    public async Task CORS022_HandWrittenWildcardHeaders_SentWithCredentials()
    {
        var source = """
            public static class App
            {
                public static void Configure(WebApplicationBuilder builder) => builder.Services.AddRouting();

                public static void Configure(WebApplication app)
                {
                    app.Use(async (context, next) =>
                    {
                        context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.example";
                        context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                        context.Response.Headers["Access-Control-Expose-Headers"] = "*";
                        await next();
                    });
                    app.MapGet("/r", () => "ok");
                }
            }
            """;
        var diagnostics = await AnalyzeAsync(source);
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.WildcardHeaderListWithCredentials);

        await using var running = await StartAsync(source);
        var get = await running.GetAsync("/r", AppOrigin);
        Assert.True(get.AllowCredentials == "true" && get.ExposeHeaders == "*", get.ToString());
    }

    [Fact]
    public async Task CORS023_SecondMiddleware_PreflightOfItsOriginHasNoAllowOrigin_SinglePolicyAnswersBoth()
    {
        const string Services = """
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("A", p => p.WithOrigins("https://app.example").AllowAnyHeader().AllowAnyMethod());
                o.AddPolicy("B", p => p.WithOrigins("https://partner.example").AllowAnyHeader().AllowAnyMethod());
                o.AddPolicy("AB", p => p.WithOrigins("https://app.example", "https://partner.example").AllowAnyHeader().AllowAnyMethod());
            });
            """;
        var source = App(Services, "app.UseCors(\"A\");\napp.UseCors(\"B\");\n" + Endpoints);
        Assert.Contains(await AnalyzeAsync(source), d => d.Id == DiagnosticIds.SecondCorsMiddleware);

        await using (var before = await StartAsync(source))
        {
            // GROUND_TRUTH 38: the first middleware answers the preflight, without B's origin; the simple GET gets it from B.
            var preflight = await before.PreflightAsync("/r", PartnerOrigin);
            Assert.True(preflight.Status == 204 && preflight.AllowOrigin is null, preflight.ToString());
            var get = await before.GetAsync("/r", PartnerOrigin);
            Assert.True(get.Status == 200 && get.AllowOrigin == PartnerOrigin, get.ToString());
        }

        var compliant = App(Services, "app.UseCors(\"AB\");\n" + Endpoints);
        Assert.DoesNotContain(await AnalyzeAsync(compliant), d => d.Id.StartsWith("CORS", StringComparison.Ordinal) && d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        await using var after = await StartAsync(compliant);
        await AssertAllowedAsync(after, PartnerOrigin);
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    [Fact]
    public async Task CORS023_BranchRunsEarlierMiddleware_ReportedOnlyWhenTheMainUseCorsComesFirst()
    {
        const string Services = """
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("A", p => p.WithOrigins("https://app.example").AllowAnyHeader().AllowAnyMethod());
                o.AddPolicy("B", p => p.WithOrigins("https://partner.example").AllowAnyHeader().AllowAnyMethod());
            });
            """;
        const string Branch = """
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/r"), partners =>
            {
                partners.UseCors("B");
            });
            """;

        // UseCors("A") first: the branch's UseCors("B") never answers a preflight.
        var mainFirst = App(Services, "app.UseCors(\"A\");\n" + Branch + "\n" + Endpoints);
        Assert.Contains(await AnalyzeAsync(mainFirst), d => d.Id == DiagnosticIds.SecondCorsMiddleware);
        await using (var running = await StartAsync(mainFirst))
        {
            var preflight = await running.PreflightAsync("/r", PartnerOrigin);
            Assert.True(preflight.Status == 204 && preflight.AllowOrigin is null, preflight.ToString());
        }

        // The branch first: its requests get B, the others A; nothing is a second middleware on every path.
        var branchFirst = App(Services, Branch + "\napp.UseCors(\"A\");\napp.MapGet(\"/other\", () => \"ok\");\n" + Endpoints);
        Assert.DoesNotContain(await AnalyzeAsync(branchFirst), d => d.Id == DiagnosticIds.SecondCorsMiddleware);
        await using (var running = await StartAsync(branchFirst))
        {
            var partner = await running.PreflightAsync("/r", PartnerOrigin);
            Assert.True(partner.Status == 204 && partner.AllowOrigin == PartnerOrigin, partner.ToString());
            var other = await running.GetAsync("/other", AppOrigin);
            Assert.True(other.Status == 200 && other.AllowOrigin == AppOrigin, other.ToString());
        }
    }

    [Fact]
    public async Task CORS023_SamePolicyTwice_FixRemovesTheSecond_AppAnswersAsBefore()
    {
        var source = App(
            """builder.Services.AddCors(o => o.AddPolicy("A", p => p.WithOrigins("https://app.example").AllowAnyHeader().AllowAnyMethod()));""",
            "app.UseCors(\"A\");\napp.UseCors(\"A\");\n" + Endpoints);
        var fixedSource = await VerifyFlaggedAndFixAsync(source, DiagnosticIds.SecondCorsMiddleware, SecondCorsMiddlewareCodeFixProvider.RemoveSecondUseCorsKey);
        Assert.Single(fixedSource.Split('\n'), line => line.Contains("UseCors("));

        await using (var before = await StartAsync(source))
        {
            await AssertAllowedAsync(before, AppOrigin);
        }

        await using var after = await StartAsync(fixedSource);
        await AssertAllowedAsync(after, AppOrigin);
        await AssertRefusedAsync(after, EvilOrigin);
    }

    private static string App(string services, string pipeline) => $$"""
        public static class App
        {
            public static void Configure(WebApplicationBuilder builder)
            {
        {{Indent(services)}}
            }

            public static void Configure(WebApplication app)
            {
        {{Indent(pipeline)}}
            }
        }
        """;

    private static string Indent(string code) => string.Join("\n", code.Split('\n').Select(line => "        " + line));
}
