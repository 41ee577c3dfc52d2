using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.CommaJoinedListCodeFixProvider>;
using VerifyPolicy = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PolicyRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS024CommaJoinedListTests
{
    private const string PreflightFails = "browsers cannot parse it, so every preflighted request fails";
    private const string NoneReadable = "browsers cannot parse it, so the page can read none of these headers";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Joined(string value, string list, int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.CommaJoinedList).WithLocation(location)
            .WithArguments(value, list, list == "WithExposedHeaders" ? NoneReadable : PreflightFails);

    private static string Policy(string calls) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"){{calls}}));

        partial class Program
        {
            private const string Verbs = "GET,POST";
            private const string Get = "GET";
            private static readonly string Headers = "Content-Type, Authorization";
        }
        """;

    [Theory]
    [InlineData(".WithMethods({|#0:\"GET,POST,PUT\"|})", "GET,POST,PUT", "WithMethods")]
    [InlineData(".WithMethods({|#0:\"GET, POST, PUT, DELETE\"|})", "GET, POST, PUT, DELETE", "WithMethods")]
    [InlineData(".WithHeaders({|#0:\"Content-Type, Authorization\"|})", "Content-Type, Authorization", "WithHeaders")]
    [InlineData(".WithExposedHeaders({|#0:\"X-A,X-B\"|})", "X-A,X-B", "WithExposedHeaders")]
    [InlineData(".WithMethods({|#0:Verbs|})", "GET,POST", "WithMethods")]
    [InlineData(".WithMethods({|#0:$\"{Get},PUT\"|})", "GET,PUT", "WithMethods")]
    [InlineData(".WithHeaders({|#0:Headers|})", "Content-Type, Authorization", "WithHeaders")]
    [InlineData(".WithMethods(\"DELETE\", {|#0:\"GET,POST\"|})", "GET,POST", "WithMethods")]
    [InlineData(".WithMethods(new[] { {|#0:\"GET,POST\"|} })", "GET,POST", "WithMethods")]
    [InlineData(".WithExposedHeaders([\"X-Id\", {|#0:\"X-A,X-B\"|}])", "X-A,X-B", "WithExposedHeaders")]
    public async Task CommaJoinedEntry_ReportsDiagnostic(string calls, string value, string list)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policy(calls), Joined(value, list));
    }

    [Fact]
    public async Task SingleAssignmentLocal_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var methods = "GET,POST";
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").WithMethods({|#0:methods|})));
            """, Joined("GET,POST", "WithMethods"));
    }

    [Fact]
    public async Task JoinedEntryInOwnHelper_ReportsInTheHelper()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").{|#1:AllowApiVerbs()|}));

            static class PolicyExtensions
            {
                public static CorsPolicyBuilder AllowApiVerbs(this CorsPolicyBuilder p) => p.WithMethods({|#0:"GET,PUT"|});
            }
            """, Joined("GET,PUT", "WithMethods").WithLocation(1));
    }

    [Theory]
    // Separate names, wildcards and the any-calls.
    [InlineData(".WithMethods(\"GET\", \"POST\", \"PUT\").WithHeaders(\"Content-Type\", \"Authorization\").WithExposedHeaders(\"X-A\", \"X-B\")")]
    [InlineData(".WithMethods(\"*\").WithHeaders(\"*\").AllowAnyMethod().AllowAnyHeader()")]
    [InlineData(".WithMethods(Get)")]
    // Values the analyzer cannot know.
    [InlineData(".WithMethods(args)")]
    [InlineData(".WithHeaders(Mutable)")]
    public async Task SeparateOrUnknownNames_NoDiagnostic(string calls)
    {
        await VerifyCS.VerifyAnalyzerAsync(Policy(calls) + """

            partial class Program
            {
                private static string Mutable = "Content-Type, Authorization";
            }
            """);
    }

    [Fact]
    public async Task LocalWrittenAgain_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var methods = "GET,POST";
            if (args.Length > 0) methods = "GET";
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").WithMethods(methods)));
            """);
    }

    [Fact]
    public async Task HandWrittenHeaderAndUserTypes_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                // A hand-written header value is a real list.
                context.Response.Headers["Access-Control-Allow-Methods"] = "GET, POST";
                await next();
            });
            new MyBuilder().WithMethods("GET,POST").WithHeaders("A, B").WithExposedHeaders("X-A,X-B");
            app.Run();

            class MyBuilder
            {
                public MyBuilder WithMethods(params string[] methods) => this;
                public MyBuilder WithHeaders(params string[] headers) => this;
                public MyBuilder WithExposedHeaders(params string[] headers) => this;
            }
            """);
    }

    [Fact]
    public async Task HelperWithoutSource_NoDiagnostic()
    {
        // The list is passed to a method the analyzer cannot see into: whatever it does with it is unknown.
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => System.Array.ForEach("GET,POST".Split(','), m => p.WithMethods(m.Trim()))));
            """);
    }

    [Fact]
    public async Task EveryShape_Fix_SplitsIntoTrimmedNames()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p
                .WithOrigins("https://app.contoso.com")
                .WithMethods({|#0:"GET, POST,PUT ,"|})
                .WithHeaders("Accept", {|#1:"Content-Type, Authorization"|})
                .WithExposedHeaders([{|#2:"X-A,X-B"|}])));
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p
                .WithOrigins("https://app.contoso.com")
                .WithMethods("GET", "POST", "PUT")
                .WithHeaders("Accept", "Content-Type", "Authorization")
                .WithExposedHeaders(["X-A", "X-B"])));
            """, CommaJoinedListCodeFixProvider.SplitNamesKey, expected: new[]
            {
                Joined("GET, POST,PUT ,", "WithMethods"),
                Joined("Content-Type, Authorization", "WithHeaders", 1),
                Joined("X-A,X-B", "WithExposedHeaders", 2),
            });
    }

    [Fact]
    public async Task ConstantAndInterpolation_Fix_WritesTheNames()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p
                .WithOrigins("https://app.contoso.com")
                .WithMethods({|#0:Verbs|})
                .WithHeaders({|#1:$"{Accept}, Content-Type"|})));

            partial class Program
            {
                private const string Verbs = "GET,POST";
                private const string Accept = "Accept";
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p
                .WithOrigins("https://app.contoso.com")
                .WithMethods("GET", "POST")
                .WithHeaders("Accept", "Content-Type")));

            partial class Program
            {
                private const string Verbs = "GET,POST";
                private const string Accept = "Accept";
            }
            """, CommaJoinedListCodeFixProvider.SplitNamesKey, expected: new[]
            {
                Joined("GET,POST", "WithMethods"),
                Joined("Accept, Content-Type", "WithHeaders", 1),
            });
    }

    [Fact]
    public async Task SettingsValues_ReportsEachJoinedEntry()
    {
        var test = new VerifyPolicy.Test("""
            var builder = WebApplication.CreateBuilder(args);
            var cors = builder.Configuration.GetSection("Cors");
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins("https://app.contoso.com")
                .WithMethods({|#8:cors.GetSection("Methods").Get<string[]>()|} ?? [])
                .WithHeaders({|#9:builder.Configuration["Cors:Headers"]|} ?? "Content-Type")));
            """) { TestBehaviors = Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipSuppressionCheck };
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", """
            {
              "Cors": {
                "Methods": [ "GET", {|#0:"POST,PUT"|} ],
                "Headers": {|#1:"Content-Type, Authorization"|},
                "Origins": [ "https://a.example,https://b.example" ]
              }
            }
            """));
        test.TestState.AdditionalFiles.Add(("/0/appsettings.Production.json", """
            { "Cors": { "Headers": "X-Api-Key" } }
            """));
        test.ExpectedDiagnostics.Add(VerifyPolicy.Diagnostic(DiagnosticDescriptors.CommaJoinedListInSettings).WithLocation(0).WithLocation(8)
            .WithArguments("POST,PUT", "appsettings.json, Cors:Methods:1", "WithMethods", PreflightFails));
        test.ExpectedDiagnostics.Add(VerifyPolicy.Diagnostic(DiagnosticDescriptors.CommaJoinedListInSettings).WithLocation(1).WithLocation(9)
            .WithArguments("Content-Type, Authorization", "appsettings.json, Cors:Headers", "WithHeaders", PreflightFails));
        await test.RunAsync();
    }
}
