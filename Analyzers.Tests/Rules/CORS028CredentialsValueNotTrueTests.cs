using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.HeaderRules,
    CorsAnalyzers.CodeFixes.CredentialsValueNotTrueCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// CORS028. The sources turn CORS016 off, as an app that keeps its hand-written headers on purpose does: the value is
/// reported all the same.
/// </summary>
public sealed class CORS028CredentialsValueNotTrueTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult NotTrue(string sent, int location = 0) =>
        VerifyCS.Diagnostic(DiagnosticIds.CredentialsValueNotTrue).WithLocation(location).WithArguments(sent);

    private static string Middleware(string write) => $$"""
        #pragma warning disable CORS016
        var app = WebApplication.Create(args);
        var allow = args.Length > 0;
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com";
            {{write}}
            await next();
        });
        app.Run();

        partial class Program
        {
            private const string Yes = "True";
            private static bool AllowCredentials = true;
        }
        """;

    [Theory]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = {|#0:true.ToString()|};", "'True' or 'False' (bool.ToString())")]
    [InlineData("context.Response.Headers.AccessControlAllowCredentials = {|#0:AllowCredentials.ToString()|};", "'True' or 'False' (bool.ToString())")]
    [InlineData("context.Response.Headers.Append(\"Access-Control-Allow-Credentials\", {|#0:bool.TrueString|});", "'True' (bool.TrueString)")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = {|#0:\"True\"|};", "'True'")]
    [InlineData("context.Response.Headers.Add(\"access-control-allow-credentials\", {|#0:\"TRUE\"|});", "'TRUE'")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = {|#0:Yes|};", "'True'")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = {|#0:$\"{allow}\"|};", "'True' or 'False' (a bool formatted into the string)")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = {|#0:Convert.ToString(true)|};", "'True' or 'False' (Convert.ToString(bool))")]
    [InlineData("context.Response.Headers[Microsoft.Net.Http.Headers.HeaderNames.AccessControlAllowCredentials] = {|#0:true.ToString()|};", "'True' or 'False' (bool.ToString())")]
    public async Task CredentialsNotExactlyTrue_ReportsDiagnostic(string write, string sent)
    {
        await VerifyCS.VerifyAnalyzerAsync(Middleware(write), NotTrue(sent));
    }

    [Fact]
    public async Task ReportedInDevelopmentCodeAndInControllers()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            #pragma warning disable CORS016
            using Microsoft.AspNetCore.Mvc;

            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.Use(async (context, next) =>
                {
                    context.Response.Headers.Append("Access-Control-Allow-Credentials", {|#0:true.ToString()|});
                    await next();
                });
            }

            app.Run();

            public class AccountController : ControllerBase
            {
                [HttpGet]
                public string Get()
                {
                    Response.Headers["Access-Control-Allow-Credentials"] = {|#1:"True"|};
                    return "ok";
                }
            }
            """, NotTrue("'True' or 'False' (bool.ToString())"), NotTrue("'True'", 1));
    }

    [Theory]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = \"true\";")]
    [InlineData("context.Response.Headers.AccessControlAllowCredentials = \"true\";")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = true.ToString().ToLowerInvariant();")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = allow ? \"true\" : \"false\";")]
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = \"false\";")]
    // Other headers and the request's headers.
    [InlineData("context.Response.Headers[\"X-Allow-Credentials\"] = true.ToString();")]
    [InlineData("context.Response.Headers[\"Access-Control-Max-Age\"] = \"True\";")]
    [InlineData("context.Request.Headers[\"Access-Control-Allow-Credentials\"] = true.ToString();")]
    // A value the analyzer cannot know.
    [InlineData("context.Response.Headers[\"Access-Control-Allow-Credentials\"] = Environment.GetEnvironmentVariable(\"CREDENTIALS\");")]
    public async Task ExactTrueOrOtherHeaderOrUnknown_NoDiagnostic(string write)
    {
        await VerifyCS.VerifyAnalyzerAsync(Middleware(write));
    }

    [Fact]
    public async Task UserDictionary_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var headers = new Dictionary<string, string>();
            headers["Access-Control-Allow-Credentials"] = true.ToString();
            headers.Add("Access-Control-Allow-Credentials", "True");
            """);
    }

    [Fact]
    public async Task EveryShape_Fix_WritesTrue()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            #pragma warning disable CORS016
            var app = WebApplication.Create(args);
            var allow = args.Length > 0;
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com";
                context.Response.Headers["Access-Control-Allow-Credentials"] = {|#0:true.ToString()|}; // cookies
                await next();
            });
            app.Map("/b", b => b.Use(async (context, next) =>
            {
                context.Response.Headers.Append("Access-Control-Allow-Credentials", {|#1:bool.TrueString|});
                context.Response.Headers.AccessControlAllowCredentials = {|#2:$"{allow}"|};
                await next();
            }));
            app.Run();
            """, """
            #pragma warning disable CORS016
            var app = WebApplication.Create(args);
            var allow = args.Length > 0;
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com";
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true"; // cookies
                await next();
            });
            app.Map("/b", b => b.Use(async (context, next) =>
            {
                context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
                context.Response.Headers.AccessControlAllowCredentials = "true";
                await next();
            }));
            app.Run();
            """, CredentialsValueNotTrueCodeFixProvider.WriteTrueKey, expected: new[]
            {
                NotTrue("'True' or 'False' (bool.ToString())"),
                NotTrue("'True' (bool.TrueString)", 1),
                NotTrue("'True' or 'False' (a bool formatted into the string)", 2),
            });
    }
}
