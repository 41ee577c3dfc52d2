using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PipelineRules,
    CorsAnalyzers.CodeFixes.HubWithoutCredentialsCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS029HubWithoutCredentialsTests
{
    private const string Key = HubWithoutCredentialsCodeFixProvider.AddCredentialsKey;

    private static DiagnosticResult Hub(string source, string policy, int location = 0, string hub = "ChatHub") =>
        VerifyCS.Diagnostic(DiagnosticIds.HubWithoutCredentials).WithLocation(location).WithLocation(location + 1).WithArguments(source, hub, policy);

    private static DiagnosticResult MiddlewareHub(string policy, int location = 0) =>
        Hub("UseCors", policy, location).WithSeverity(DiagnosticSeverity.Info);

    private static string App(string policies, string pipeline, string hubs = "public class ChatHub : Hub { }") => $$"""
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.SignalR;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR();
        builder.Services.AddCors(o =>
        {
            {{policies}}
        });
        var app = builder.Build();
        {{pipeline}}
        app.Run();

        {{hubs}}

        static class Policies
        {
            public const string Hub = "signalr";
        }
        """;

    private const string HubPolicy = "o.AddPolicy(\"signalr\", {|#1:p => p.WithOrigins(\"https://app.contoso.com\").AllowAnyHeader().AllowAnyMethod()|});";

    [Theory]
    [InlineData("app.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(\"signalr\")|};")]
    [InlineData("app.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(Policies.Hub)|};")]
    [InlineData("const string hubPolicy = \"signalr\";\napp.UseAuthorization();\napp.MapHub<ChatHub>(\"/chat\").RequireAuthorization().{|#0:RequireCors(hubPolicy)|};")]
    [InlineData("app.MapHub<ChatHub>(\"/chat\", o => o.CloseOnAuthenticationExpiration = true).{|#0:RequireCors(\"signalr\")|};")]
    [InlineData("app.UseEndpoints(e => e.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(\"signalr\")|});")]
    [InlineData("app.UseEndpoints(e => { e.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(\"signalr\")|}; });")]
    public async Task RequireCorsPolicyWithoutCredentials_ReportsDiagnostic(string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync(App(HubPolicy, "app.UseCors();\n" + pipeline), Hub("RequireCors", "policy 'signalr'"));
    }

    [Fact]
    public async Task GenericHubAndPredicatePolicy_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            App(
                "o.AddPolicy(\"signalr\", {|#1:p => p.SetIsOriginAllowed(origin => origin == \"https://app.contoso.com\" || origin == \"https://admin.contoso.com\")|});",
                "app.UseCors();\napp.MapHub<NotificationHub>(\"/notifications\").{|#0:RequireCors(\"signalr\")|};",
                "public interface INotificationClient { Task Notify(string message); }\npublic class NotificationHub : Hub<INotificationClient> { }"),
            Hub("RequireCors", "policy 'signalr'", hub: "NotificationHub"));
    }

    [Fact]
    public async Task InlineRequireCorsPolicy_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            App("", "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors({|#1:p => p.WithOrigins(\"https://app.contoso.com\")|})|};"),
            Hub("RequireCors", "its inline policy"));
    }

    [Fact]
    public async Task EnableCorsOnHubClass_ReportsDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            App(HubPolicy, "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\");", "[{|#0:EnableCors(\"signalr\")|}]\npublic class ChatHub : Hub { }"),
            Hub("[EnableCors] on the hub", "policy 'signalr'"));
    }

    [Theory]
    [InlineData("o.AddPolicy(\"spa\", {|#1:p => p.WithOrigins(\"https://app.contoso.com\")|});", "app.UseCors(\"spa\");", "policy 'spa'")]
    [InlineData("o.AddDefaultPolicy({|#1:p => p.WithOrigins(\"https://app.contoso.com\").AllowAnyHeader()|});", "app.UseCors();", "the default policy")]
    public async Task OnlyMiddlewarePolicy_ReportsInfo(string policies, string useCors, string policy)
    {
        await VerifyCS.VerifyAnalyzerAsync(App(policies, useCors + "\napp.{|#0:MapHub<ChatHub>(\"/chat\")|};"), MiddlewareHub(policy));
    }

    [Fact]
    public async Task HubMappedInAnotherFileThanTheCorsCode_ReportsDiagnostic()
    {
        var test = new VerifyCS.Test(
            App(HubPolicy, "app.UseCors();\napp.MapHubs();", "public class ChatHub : Hub { }"),
            App(HubPolicy.Replace(".AllowAnyMethod()|}", ".AllowAnyMethod().AllowCredentials()|}"), "app.UseCors();\napp.MapHubs();", "public class ChatHub : Hub { }"));
        const string hubs = """
            using Microsoft.AspNetCore.Routing;

            static class HubRoutes
            {
                public static void MapHubs(this IEndpointRouteBuilder endpoints)
                {
                    endpoints.MapHub<ChatHub>("/chat").{|#0:RequireCors("signalr")|};
                }
            }
            """;
        test.TestState.Sources.Add(("/0/HubRoutes.cs", hubs));
        test.FixedState.Sources.Add(("/0/HubRoutes.cs", hubs.Replace("{|#0:", "").Replace(")|};", ");")));
        test.CodeActionEquivalenceKey = Key;
        test.TestState.ExpectedDiagnostics.Add(Hub("RequireCors", "policy 'signalr'"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("o.AddPolicy(\"signalr\", p => p.WithOrigins(\"https://app.contoso.com\").AllowCredentials());")]
    [InlineData("o.AddPolicy(\"signalr\", p => p.AllowAnyOrigin());")]
    [InlineData("o.AddPolicy(\"signalr\", p => p.WithOrigins(\"*\"));")]
    [InlineData("o.AddPolicy(\"signalr\", p => p.WithOrigins(\"https://app.contoso.com\", \"*\"));")]
    [InlineData("o.AddPolicy(\"signalr\", p => p.SetIsOriginAllowed(_ => true));")]
    [InlineData("o.AddPolicy(\"signalr\", p => p.WithOrigins(builder.Configuration[\"Cors:Origin\"]!));")]
    [InlineData("o.AddPolicy(\"signalr\", p => Configure(p));")]
    [InlineData("o.AddPolicy(\"signalr\", new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy());")]
    [InlineData("#pragma warning disable CORS014\no.AddPolicy(\"signalr\", p => p.WithOrigins(\"https://app.contoso.com\")); o.AddPolicy(\"signalr\", p => p.WithOrigins(\"https://app.contoso.com\").AllowCredentials());")]
    [InlineData("o.AddPolicy(\"signalr\", p => p.WithOrigins(\"https://app.contoso.com\")); o.AddPolicy(args[0], p => p.WithOrigins(\"https://b.contoso.com\"));")]
    [InlineData("o.AddPolicy(\"signalr\", p => { p.WithOrigins(\"https://app.contoso.com\"); if (args.Length > 0) p.AllowCredentials(); });")]
    [InlineData("o.AddPolicy(\"signalr\", p => p.WithHeaders(\"x\"));")]
    public async Task PolicyWithCredentialsAnyOriginOrUnknown_NoDiagnostic(string policies)
    {
        await VerifyCS.VerifyAnalyzerAsync(App(
            policies,
            "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").RequireCors(\"signalr\");",
            "public class ChatHub : Hub { }\npartial class Program { static readonly Action<Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder> Configure = p => p.WithOrigins(\"https://app.contoso.com\"); }"));
    }

    [Theory]
    [InlineData("app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").RequireCors(args[0]);")]
    [InlineData("app.UseCors();\nvar hub = app.MapHub<ChatHub>(\"/chat\");\nhub.RequireCors(\"signalr\");")]
    [InlineData("app.UseCors(\"spa\");\napp.MapHub<ChatHub>(\"/chat\").WithMetadata(new EnableCorsAttribute(\"signalr\"));")]
    [InlineData("app.UseCors(\"signalr\");\napp.MapHub<ChatHub>(\"/chat\").RequireCors(\"hub\");")]
    [InlineData("if (args.Length > 0) app.UseCors(\"spa\"); else app.UseCors(\"signalr\");\napp.MapHub<ChatHub>(\"/chat\");")]
    [InlineData("app.UseCors(p => p.WithOrigins(\"https://app.contoso.com\"));\napp.MapHub<ChatHub>(\"/chat\");")]
    [InlineData("app.UseCors(\"signalr\");\napp.MapHub<OpenHub>(\"/open\");")]
    [InlineData("app.UseCors();\nnew HubRoutes().MapHub<ChatHub>(\"/chat\").RequireCors(\"signalr\");")]
    public async Task EndpointPolicyWithCredentialsUnknownOrNotAHub_NoDiagnostic(string pipeline)
    {
        await VerifyCS.VerifyAnalyzerAsync(App(
            "o.AddPolicy(\"spa\", p => p.WithOrigins(\"https://app.contoso.com\"));\no.AddPolicy(\"signalr\", p => p.WithOrigins(\"https://app.contoso.com\"));\no.AddPolicy(\"hub\", p => p.WithOrigins(\"https://app.contoso.com\").AllowCredentials());",
            pipeline,
            """
            public class ChatHub : Hub { }
            [DisableCors]
            public class OpenHub : Hub { }
            public class HubRoutes
            {
                public IEndpointConventionBuilder MapHub<T>(string pattern) => throw new NotImplementedException();
            }
            """));
    }

    [Fact]
    public async Task HubWithEndpointPolicyWithCredentials_NoInfoFromMiddlewarePolicy()
    {
        await VerifyCS.VerifyAnalyzerAsync(App(
            "o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.contoso.com\"));\no.AddPolicy(\"signalr\", p => p.WithOrigins(\"https://app.contoso.com\").AllowCredentials());",
            "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\");",
            "[EnableCors(\"signalr\")]\npublic class ChatHub : Hub { }"));
    }

    [Fact]
    public async Task LibraryProject_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.SignalR;

            public static class HubSetup
            {
                public static void AddHubCors(IServiceCollection services) =>
                    services.AddCors(o => o.AddPolicy("signalr", p => p.WithOrigins("https://app.contoso.com")));

                public static void MapHubs(WebApplication app)
                {
                    app.UseCors();
                    app.MapHub<ChatHub>("/chat").RequireCors("signalr");
                }
            }

            public class ChatHub : Hub { }
            """);
    }

    [Fact]
    public async Task ExpressionChain_Fix_AppendsAllowCredentials()
    {
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            App(HubPolicy, "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(\"signalr\")|};"),
            App(HubPolicy.Replace(".AllowAnyMethod()", ".AllowAnyMethod().AllowCredentials()"), "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").RequireCors(\"signalr\");"),
            Key,
            Hub("RequireCors", "policy 'signalr'"));
    }

    [Fact]
    public async Task MultiLineChain_Fix_AddsALineIndentedLikeTheChain()
    {
        const string policy = """
            o.AddPolicy("signalr", {|#1:policy => policy
                    .WithOrigins("https://app.contoso.com")
                    .AllowAnyHeader()|}); // hub clients
            """;
        const string fixedPolicy = """
            o.AddPolicy("signalr", policy => policy
                    .WithOrigins("https://app.contoso.com")
                    .AllowAnyHeader()
                    .AllowCredentials()); // hub clients
            """;
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            App(policy, "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(\"signalr\")|};"),
            App(fixedPolicy, "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").RequireCors(\"signalr\");"),
            Key,
            Hub("RequireCors", "policy 'signalr'"));
    }

    [Theory]
    [InlineData(
        "{|#1:p =>\n    {\n        p.WithOrigins(\"https://app.contoso.com\");\n        p.AllowAnyHeader();\n    }|}",
        "p =>\n    {\n        p.WithOrigins(\"https://app.contoso.com\");\n        p.AllowAnyHeader().AllowCredentials();\n    }")]
    [InlineData(
        "{|#1:p =>\n    {\n        p.WithOrigins(\"https://app.contoso.com\");\n        Console.WriteLine(\"policy added\");\n    }|}",
        "p =>\n    {\n        p.WithOrigins(\"https://app.contoso.com\");\n        Console.WriteLine(\"policy added\");\n        p.AllowCredentials();\n    }")]
    public async Task BlockBody_Fix_AddsTheCallLast(string lambda, string fixedLambda)
    {
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            App($"o.AddPolicy(\"signalr\", {lambda});", "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(\"signalr\")|};"),
            App($"o.AddPolicy(\"signalr\", {fixedLambda});", "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").RequireCors(\"signalr\");"),
            Key,
            Hub("RequireCors", "policy 'signalr'"));
    }

    [Fact]
    public async Task InlinePolicyAndMiddlewarePolicy_Fix_AddsAllowCredentials()
    {
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            App(
                "o.AddDefaultPolicy({|#3:p => p.WithOrigins(\"https://app.contoso.com\")|});",
                "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors({|#1:p => p.WithOrigins(\"https://app.contoso.com\")|})|};\napp.{|#2:MapHub<NewsHub>(\"/news\")|};",
                "public class ChatHub : Hub { }\npublic class NewsHub : Hub { }"),
            App(
                "o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.contoso.com\").AllowCredentials());",
                "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").RequireCors(p => p.WithOrigins(\"https://app.contoso.com\").AllowCredentials());\napp.MapHub<NewsHub>(\"/news\");",
                "public class ChatHub : Hub { }\npublic class NewsHub : Hub { }"),
            Key,
            new[] { Hub("RequireCors", "its inline policy"), Hub("UseCors", "the default policy", location: 2, hub: "NewsHub").WithSeverity(DiagnosticSeverity.Info) });
    }

    [Fact]
    public async Task TwoHubsOnePolicy_FixAll_AddsOneCall()
    {
        await VerifyCS.VerifyNonLocalCodeFixAsync(
            App(
                HubPolicy,
                "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(\"signalr\")|};\napp.MapHub<NewsHub>(\"/news\").{|#2:RequireCors(\"signalr\")|};\napp.MapHub<AdminHub>(\"/admin\").{|#3:RequireCors({|#4:p => p.WithOrigins(\"https://admin.contoso.com\")|})|};",
                "public class ChatHub : Hub { }\npublic class NewsHub : Hub { }\npublic class AdminHub : Hub { }"),
            App(
                HubPolicy.Replace(".AllowAnyMethod()", ".AllowAnyMethod().AllowCredentials()"),
                "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").RequireCors(\"signalr\");\napp.MapHub<NewsHub>(\"/news\").RequireCors(\"signalr\");\napp.MapHub<AdminHub>(\"/admin\").RequireCors(p => p.WithOrigins(\"https://admin.contoso.com\").AllowCredentials());",
                "public class ChatHub : Hub { }\npublic class NewsHub : Hub { }\npublic class AdminHub : Hub { }"),
            Key,
            new[]
            {
                Hub("RequireCors", "policy 'signalr'"),
                VerifyCS.Diagnostic(DiagnosticIds.HubWithoutCredentials).WithLocation(2).WithLocation(1).WithArguments("RequireCors", "NewsHub", "policy 'signalr'"),
                Hub("RequireCors", "its inline policy", location: 3, hub: "AdminHub"),
            });
    }

    [Theory]
    [InlineData("p => p.WithOrigins(\"http://partner.example\")")]
    [InlineData("p => p.WithOrigins(\"https://app.contoso.com/\")")]
    [InlineData("p => p.WithOrigins(\"https://app.contoso.com\").WithExposedHeaders(\"*\")")]
    [InlineData("p => p.SetIsOriginAllowed(o => o == \"https://app.contoso.com\").WithOrigins(builder.Configuration[\"Origin\"]!)")]
    [InlineData("p => Presets.Apply(p)")]
    [InlineData("Presets.Apply")]
    public async Task CredentialsWouldBringAnotherFindingOrShapeUnknown_NoFix(string policy)
    {
        await VerifyNoFixAsync(
            App($"o.AddPolicy(\"signalr\", {{|#1:{policy}|}});", "app.UseCors();\napp.MapHub<ChatHub>(\"/chat\").{|#0:RequireCors(\"signalr\")|};", """
                public class ChatHub : Hub { }
                static class Presets
                {
                    public static void Apply(Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder p) => p.WithOrigins("https://app.contoso.com");
                }
                """),
            Hub("RequireCors", "policy 'signalr'"));
    }

    private static async Task VerifyNoFixAsync(string source, DiagnosticResult expected)
    {
        var test = new VerifyCS.Test(source, source) { CodeActionEquivalenceKey = Key };
        test.TestState.ExpectedDiagnostics.Add(expected);
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync();
    }
}
