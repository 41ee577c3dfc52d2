using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>"Use the CORS middleware instead": exact output across documents, for each shape of hand-written headers.</summary>
public sealed class CORS016to018FixTests
{
    [Fact]
    public async Task InlineMiddlewareEchoingOriginWithCredentials_Fix_BecomesConfiguredPolicy()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers["Origin"].ToString();
                {|#0:{|#3:context.Response.Headers["Access-Control-Allow-Origin"] = origin|}|};
                {|#1:context.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                {|#2:context.Response.Headers["Access-Control-Allow-Methods"] = "GET, POST"|};
                await next();
            });
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).WithMethods("GET", "POST").AllowCredentials()));
            var app = builder.Build();
            app.UseCors("AppCors");
            app.MapGet("/", () => "ok");
            app.Run();
            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials, Access-Control-Allow-Methods"),
            Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(3).WithArguments(", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user"));
    }

    [Theory]
    [InlineData("string.IsNullOrEmpty(origin) ? \"*\" : origin")]
    [InlineData("origin.Length > 0 ? origin : \"*\"")]
    public async Task EchoWithWildcardFallbackInTheArgument_Fix_BecomesConfiguredPolicy(string value)
    {
        // The "*" is written only for a request without an Origin, which is no CORS request: the policy takes the
        // configured origins alone and never allows any origin.
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (ctx, next) =>
            {
                var origin = ctx.Request.Headers["Origin"].ToString();
                {|#0:{|#2:ctx.Response.Headers.Append("Access-Control-Allow-Origin", {{value}})|}|};
                {|#1:ctx.Response.Headers.Append("Access-Control-Allow-Credentials", "true")|};
                await next();
            });
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials()));
            var app = builder.Build();
            app.UseCors("AppCors");
            app.MapGet("/", () => "ok");
            app.Run();
            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials"),
            Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(2).WithArguments(", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user"));
    }

    [Fact]
    public async Task PipelineThatDiscardsResults_Fix_InsertsADiscardedUseCors()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            _ = app.Use(async (context, next) =>
            {
                {|#0:{|#1:context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin|}|};
                await next();
            });
            _ = app.UseAuthorization();
            _ = app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
            var app = builder.Build();
            _ = app.UseCors("AppCors");
            _ = app.UseAuthorization();
            _ = app.MapGet("/", () => "ok");
            app.Run();
            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"),
            Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(": every website is allowed"));
    }

    [Fact]
    public async Task WildcardWithoutCredentialsAndExistingAddCors_Fix_AddsAnyOriginPolicyToIt()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("partners", p => p.WithOrigins("https://fabrikam.com"));
            });
            var app = builder.Build();
            app.UseRouting();
            app.Use(async (context, next) =>
            {
                {|#0:context.Response.Headers.Append("Access-Control-Allow-Origin", "*")|};
                {|#1:context.Response.Headers.Append("Access-Control-Allow-Headers", "*")|};
                await next(context);
            });
            app.MapGet("/", () => "ok").RequireCors("partners");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("partners", p => p.WithOrigins("https://fabrikam.com"));
                options.AddPolicy("AppCors", policy => policy.AllowAnyOrigin().AllowAnyHeader());
            });
            var app = builder.Build();
            app.UseRouting();
            app.UseCors("AppCors");
            app.MapGet("/", () => "ok").RequireCors("partners");
            app.Run();
            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task PreflightRequestHeadersEchoed_Fix_AllowsAnyHeaderAndMethod()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com"|};
                {|#1:context.Response.Headers.Append("Access-Control-Allow-Headers", context.Request.Headers.AccessControlRequestHeaders)|};
                {|#2:context.Response.Headers["Access-Control-Allow-Methods"] = context.Request.Headers["Access-Control-Request-Method"]|};
                await next();
            });
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.UseCors("AppCors");
            app.MapGet("/", () => "ok");
            app.Run();
            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Headers, Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task ControllerAction_Fix_UsesEnableCorsAndAddsUseCors()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseRouting();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();

            public class ReportsController : ControllerBase
            {
                [HttpGet("/reports")]
                public IActionResult Get()
                {
                    {|#0:Response.Headers["Access-Control-Allow-Origin"] = "https://dashboard.contoso.com"|};
                    {|#1:Response.Headers["Access-Control-Max-Age"] = "600"|};
                    return Ok();
                }
            }
            """, """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins("https://dashboard.contoso.com").SetPreflightMaxAge(System.TimeSpan.FromSeconds(600))));
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();

            public class ReportsController : ControllerBase
            {
                [HttpGet("/reports")]
                [EnableCors("AppCors")]
                public IActionResult Get()
                {
                    return Ok();
                }
            }
            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Max-Age"));
    }

    [Fact]
    public async Task MiddlewareClassInStartupApp_Fix_EditsBothDocumentsAndRemovesTheDeadClass()
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            public sealed class CorsHeadersMiddleware(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    {|#0:context.Response.Headers.AccessControlAllowOrigin = "https://app.contoso.com"|};
                    {|#1:context.Response.Headers.AccessControlAllowMethods = "PUT"|};
                    await next(context);
                }
            }
            """, string.Empty)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseMiddlewareKey,
        };
        const string startup = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseMiddleware<CorsHeadersMiddleware>();
                    app.UseEndpoints(e => e.MapPut("/r", () => "ok"));
                }
            }
            """;
        test.TestState.Sources.Add(("/0/Startup.cs", startup));
        test.FixedState.Sources.Add(("/0/Startup.cs", """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins("https://app.contoso.com").WithMethods("PUT")));
                    services.AddRouting();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors("AppCors");
                    app.UseEndpoints(e => e.MapPut("/r", () => "ok"));
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("_ = ")]
    public async Task MiddlewareRegisteredJustBeforeAuthorization_Fix_InsertsUseCorsBeforeAuthorization(string discard)
    {
        // The registration that goes sits right before the slot: UseCors still lands before UseAuthorization (no CORS012).
        // A pipeline that discards its calls' results gets a discarded UseCors, and its discarded registration goes too.
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            {{discard}}app.UseHttpsRedirection();
            {{discard}}app.UseMiddleware<CorsHeaders>();
            {{discard}}app.UseAuthorization();
            {{discard}}app.MapControllers();
            app.Run();

            public class CorsHeaders : IMiddleware
            {
                public async Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    {|#0:context.Response.Headers.Add("Access-Control-Allow-Origin", "https://app.contoso.com")|};
                    {|#1:context.Response.Headers.Add("Access-Control-Allow-Methods", "GET, PUT")|};
                    await next(context);
                }
            }
            """, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins("https://app.contoso.com").WithMethods("GET", "PUT")));
            var app = builder.Build();
            {{discard}}app.UseHttpsRedirection();
            {{discard}}app.UseCors("AppCors");
            {{discard}}app.UseAuthorization();
            {{discard}}app.MapControllers();
            app.Run();

            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task TypedPropertiesInExtensionMethodMiddleware_Fix_DoesNotThrow()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAllowAll();
            app.MapGet("/", () => "ok");
            app.Run();

            public static class AccessControlExtensions
            {
                public static WebApplication UseAllowAll(this WebApplication app)
                {
                    app.Use(async (context, next) =>
                    {
                        {|#0:context.Response.Headers.AccessControlAllowOrigin = "*"|};
                        {|#1:context.Response.Headers.AccessControlAllowHeaders = "*"|};
                        {|#2:context.Response.Headers.AccessControlAllowMethods = "*"|};
                        await next(context);
                    });
                    return app;
                }
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.UseAllowAll();
            app.UseCors("AppCors");
            app.MapGet("/", () => "ok");
            app.Run();

            public static class AccessControlExtensions
            {
                public static WebApplication UseAllowAll(this WebApplication app)
                {
                    return app;
                }
            }
            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Headers, Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task ClassBesideAnyOriginPolicy_Fix_RemovesTheHeadersAndSaysCredentialsStayOut()
    {
        // The app already runs UseCors("AllowAll"): the policy allows the origin, methods and headers; credentials next to
        // any origin are never folded into it, and the title says so.
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowAll", policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
            });
            var app = builder.Build();
            app.UseMiddleware<CorsHeaders>();
            app.UseCors("AllowAll");
            app.UseAuthorization();
            app.MapControllers();
            app.Run();

            public class CorsHeaders
            {
                private readonly RequestDelegate _next;

                public CorsHeaders(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    {|#0:context.Response.Headers.Add("Access-Control-Allow-Origin", "http://localhost:3000")|};
                    {|#1:context.Response.Headers.Add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")|};
                    {|#2:context.Response.Headers.Add("Access-Control-Allow-Headers", "Content-Type, Authorization")|};
                    {|#3:context.Response.Headers.Add("Access-Control-Allow-Credentials", "true")|};
                    await _next(context);
                }
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowAll", policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
            });
            var app = builder.Build();
            app.UseCors("AllowAll");
            app.UseAuthorization();
            app.MapControllers();
            app.Run();

            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Remove the hand-written CORS headers: policy 'AllowAll' answers (not carried over: credentials)", action.Title),
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3)
            .WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods, Access-Control-Allow-Headers, Access-Control-Allow-Credentials"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task InlineEchoBesideListedPolicy_Fix_RemovesTheMiddlewareAndSaysTheEchoStaysOut()
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                {|#0:{|#2:context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"]|}|};
                {|#1:context.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                if (context.Request.Method == HttpMethods.Options)
                {
                    context.Response.StatusCode = 204;
                    return;
                }

                await next();
            });
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Remove the hand-written CORS headers: the default policy answers (not carried over: the echoed request origin)", action.Title),
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(2).WithArguments(", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task ResponseStartCallbackBesidePolicy_Fix_RemovesTheCallbackAndTheMiddlewareAndFoldsPut()
    {
        // Appended when the response starts, after the middleware set its own: the origin was sent twice.
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").WithMethods("GET")));
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    {|#0:context.Response.Headers.Append("Access-Control-Allow-Origin", "https://app.contoso.com")|};
                    {|#1:context.Response.Headers.Append("Access-Control-Allow-Methods", "GET, PUT")|};
                    return Task.CompletedTask;
                });
                await next();
            });
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").WithMethods("GET").WithMethods("PUT")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task ResponseStartCallbackWithOtherWork_Fix_KeepsTheCallbackAndItsWork()
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").WithMethods("GET")));
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    {|#0:context.Response.Headers.Append("Access-Control-Allow-Origin", "https://app.contoso.com")|};
                    context.Response.Headers.Append("X-Frame-Options", "DENY");
                    return Task.CompletedTask;
                });
                await next();
            });
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").WithMethods("GET")));
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.Append("X-Frame-Options", "DENY");
                    return Task.CompletedTask;
                });
                await next();
            });
            app.UseCors();
            app.MapGet("/", () => "ok");
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task WildcardClassThroughOwnExtensionBesideListedPolicy_Fix_RemovesTheWritesAndSaysAnyOriginStaysOut()
    {
        // The common tutorial class: '*' with credentials, registered through the app's own UseX() after UseCors. The app's
        // policy lists its origins: the wildcard is what it chose not to allow, so it is not folded, and the title says so.
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("http://localhost:4200").AllowAnyHeader().AllowAnyMethod()));
            var app = builder.Build();
            app.UseCors("spa");
            app.UseCorsHeaders();
            app.MapGet("/", () => "ok");
            app.Run();

            public class CorsHeadersMiddleware
            {
                private readonly RequestDelegate _next;

                public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext httpContext)
                {
                    {|#0:httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*")|};
                    {|#1:httpContext.Response.Headers.Add("Access-Control-Allow-Credentials", "true")|};
                    {|#2:httpContext.Response.Headers.Add("Access-Control-Allow-Methods", "POST,GET,PUT,PATCH,DELETE,OPTIONS")|};
                    return _next(httpContext);
                }
            }

            public static class CorsHeadersMiddlewareExtensions
            {
                public static IApplicationBuilder UseCorsHeaders(this IApplicationBuilder builder) => builder.UseMiddleware<CorsHeadersMiddleware>();
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("http://localhost:4200").AllowAnyHeader().AllowAnyMethod()));
            var app = builder.Build();
            app.UseCors("spa");
            app.UseCorsHeaders();
            app.MapGet("/", () => "ok");
            app.Run();

            public class CorsHeadersMiddleware
            {
                private readonly RequestDelegate _next;

                public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext httpContext)
                {
                    return _next(httpContext);
                }
            }

            public static class CorsHeadersMiddlewareExtensions
            {
                public static IApplicationBuilder UseCorsHeaders(this IApplicationBuilder builder) => builder.UseMiddleware<CorsHeadersMiddleware>();
            }
            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Remove the hand-written CORS headers: policy 'spa' answers (not carried over: any origin, credentials)", action.Title),
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials, Access-Control-Allow-Methods"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.WildcardOriginWithCredentialsHeader).WithLocation(0).WithLocation(1));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task ClassAnsweringPreflightInsideOriginCheck_Fix_EmptiesTheCheckWithoutThrowing()
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("http://localhost:4200").AllowAnyHeader().AllowAnyMethod()));
            var app = builder.Build();
            app.UseCors("spa");
            app.UseMiddleware<EchoMiddleware>();
            app.MapGet("/", () => "ok");
            app.Run();

            public class EchoMiddleware
            {
                private readonly RequestDelegate _next;

                public EchoMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext httpContext)
                {
                    if (httpContext.Request.Headers.TryGetValue("Origin", out var originValue))
                    {
                        {|#0:httpContext.Response.Headers.Add("Access-Control-Allow-Credentials", "true")|};
                        {|#1:httpContext.Response.Headers.Add("Access-Control-Allow-Origin", originValue)|};
                        if (httpContext.Request.Method == "OPTIONS")
                        {
                            httpContext.Response.StatusCode = 204;
                            return httpContext.Response.WriteAsync(string.Empty);
                        }
                    }

                    return _next(httpContext);
                }
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("http://localhost:4200").AllowAnyHeader().AllowAnyMethod()));
            var app = builder.Build();
            app.UseCors("spa");
            app.UseMiddleware<EchoMiddleware>();
            app.MapGet("/", () => "ok");
            app.Run();

            public class EchoMiddleware
            {
                private readonly RequestDelegate _next;

                public EchoMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext httpContext)
                {
                    if (httpContext.Request.Headers.TryGetValue("Origin", out var originValue))
                    {
                    }

                    return _next(httpContext);
                }
            }
            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(1).WithLocation(0).WithArguments("Access-Control-Allow-Credentials, Access-Control-Allow-Origin"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.RequestOriginReflected).WithLocation(1).WithArguments(", and with Access-Control-Allow-Credentials: true any website can act as the signed-in user"));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task ClassThatNothingRegisters_Fix_RemovesItAndItsUncalledExtensionWithoutAddingAPolicy()
    {
        // The registration was commented out: the headers never reach a response, so no policy may appear in their place.
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            // app.UseOpenCors();
            app.MapGet("/", () => "ok");
            app.Run();

            public class OpenCorsMiddleware
            {
                private readonly RequestDelegate _next;

                public OpenCorsMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext httpContext)
                {
                    {|#0:httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*")|};
                    return _next(httpContext);
                }
            }

            public static class OpenCorsMiddlewareExtensions
            {
                public static IApplicationBuilder UseOpenCors(this IApplicationBuilder builder) => builder.UseMiddleware<OpenCorsMiddleware>();
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            // app.UseOpenCors();
            app.MapGet("/", () => "ok");
            app.Run();

            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.RemoveUnusedClassKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Remove the middleware class 'OpenCorsMiddleware': nothing registers it", action.Title),
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ClassThatNothingRegisters_ExtensionInAnotherFile_Fix_RemovesBoth()
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            namespace Api.Middleware;

            public class CorsMiddleware
            {
                private readonly RequestDelegate _next;

                public CorsMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext httpContext)
                {
                    {|#0:httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*")|};
                    {|#1:httpContext.Response.Headers.Add("Access-Control-Allow-Credentials", "true")|};
                    return _next(httpContext);
                }
            }
            """, """
            namespace Api.Middleware;

            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.RemoveUnusedClassKey,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Run();
            """));
        test.TestState.Sources.Add(("/0/CorsMiddlewareExtensions.cs", """
            using Api.Middleware;

            namespace Api.Extensions;

            public static class CorsMiddlewareExtensions
            {
                public static IApplicationBuilder UseCorsMiddleware(this IApplicationBuilder builder) => builder.UseMiddleware<CorsMiddleware>();
            }
            """));
        test.FixedState.Sources.Add(("/0/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Run();
            """));
        test.FixedState.Sources.Add(("/0/CorsMiddlewareExtensions.cs", """
            using Api.Middleware;

            namespace Api.Extensions;

            """));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Credentials"));
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.WildcardOriginWithCredentialsHeader).WithLocation(0).WithLocation(1));
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task CredentialsWrittenInAServiceBesideAConfiguredCredentialedPolicy_Fix_RemovesTheWrite()
    {
        // The policy's origins come from configuration; the service names no origin, so nothing needs comparing: the
        // policy already allows credentials, and the hand-written header goes.
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
                .AllowAnyHeader()
                .AllowCredentials()));
            builder.Services.AddScoped<SessionService>();
            var app = builder.Build();
            app.UseCors();
            app.MapPost("/refresh", (SessionService s, HttpContext c) => s.Refresh(c));
            app.Run();

            public class SessionService
            {
                public string Refresh(HttpContext httpContext)
                {
                    // Let the front end read the new cookie.
                    {|#0:httpContext.Response.Headers.Append(
                        key: "Access-Control-Allow-Credentials",
                        value: "true"
                    )|};
                    return "ok";
                }
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
                .AllowAnyHeader()
                .AllowCredentials()));
            builder.Services.AddScoped<SessionService>();
            var app = builder.Build();
            app.UseCors();
            app.MapPost("/refresh", (SessionService s, HttpContext c) => s.Refresh(c));
            app.Run();

            public class SessionService
            {
                public string Refresh(HttpContext httpContext)
                {
                    return "ok";
                }
            }
            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Remove the hand-written CORS headers: the default policy answers", action.Title),
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Credentials"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PipelineInTopLevelLocalFunction_Fix_RemovesTheWriteBesideThePredicatePolicy()
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(Origins.IsAllowed).AllowAnyHeader().AllowCredentials()));
            var app = builder.Build();
            ConfigurePipeline(app);
            app.Run();

            static void ConfigurePipeline(WebApplication app)
            {
                app.UseRouting();
                app.UseCors();
                app.MapPost("/login", (HttpContext c) =>
                {
                    {|#0:c.Response.Headers.Append("Access-Control-Allow-Credentials", "true")|};
                    return "ok";
                });
            }

            static class Origins
            {
                public static bool IsAllowed(string origin) => origin == "https://app.contoso.com";
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(Origins.IsAllowed).AllowAnyHeader().AllowCredentials()));
            var app = builder.Build();
            ConfigurePipeline(app);
            app.Run();

            static void ConfigurePipeline(WebApplication app)
            {
                app.UseRouting();
                app.UseCors();
                app.MapPost("/login", (HttpContext c) =>
                {
                    return "ok";
                });
            }

            static class Origins
            {
                public static bool IsAllowed(string origin) => origin == "https://app.contoso.com";
            }
            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Credentials"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ClassRegisteredAsAService_NoRemovalFix()
    {
        var source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddTransient<OpenCorsMiddleware>();
            var app = builder.Build();
            app.MapGet("/", () => "ok");
            app.Run();

            public class OpenCorsMiddleware : IMiddleware
            {
                public Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    {|#0:context.Response.Headers.Add("Access-Control-Allow-Origin", "*")|};
                    return next(context);
                }
            }
            """;
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test(source, source)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.RemoveUnusedClassKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PolicyLacksMethodsAndHeadersTheClassListed_Fix_AddsThemToThePolicyAndRemovesTheWrites()
    {
        // Removing the headers would take DELETE, X-Api-Version and the exposed X-Total-Count away: they go into the
        // policy's chain (the origins, which decide who may call, stay as the policy has them).
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p =>
            {
                p.WithOrigins("https://app.contoso.com").WithMethods("GET", "PUT");
            }));
            var app = builder.Build();
            app.UseCors("spa");
            app.Use(async (context, next) =>
            {
                {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com"|};
                {|#1:context.Response.Headers["Access-Control-Allow-Methods"] = "GET, PUT, DELETE, OPTIONS"|};
                {|#2:context.Response.Headers["Access-Control-Allow-Headers"] = "Content-Type, X-Api-Version"|};
                {|#3:context.Response.Headers["Access-Control-Expose-Headers"] = "X-Total-Count"|};
                await next();
            });
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p =>
            {
                p.WithOrigins("https://app.contoso.com").WithMethods("GET", "PUT").WithMethods("DELETE").WithHeaders("Content-Type", "X-Api-Version").WithExposedHeaders("X-Total-Count");
            }));
            var app = builder.Build();
            app.UseCors("spa");
            app.MapGet("/", () => "ok");
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Remove the hand-written CORS headers: policy 'spa' answers, with the methods DELETE and the headers Content-Type, X-Api-Version and the exposed headers X-Total-Count added",
                action.Title),
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3)
            .WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods, Access-Control-Allow-Headers, Access-Control-Expose-Headers"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("\"https://partners.contoso.com\"", "")]
    [InlineData("\"https://app.contoso.com\"", ".WithMethods(args)")]
    public async Task PolicyLacksWhatTheHeadersAllowed_NoFix(string origin, string methods)
    {
        // Removing the headers would take a listed origin away, or the policy's methods cannot be compared: for a person to decide.
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.contoso.com"){{methods}}));
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = {{origin}}|};
                {|#1:context.Response.Headers["Access-Control-Allow-Methods"] = "DELETE"|};
                await next();
            });
            app.UseCors("spa");
            app.MapGet("/", () => "ok");
            app.Run();
            """;
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test(source, source)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UseCorsOnlyInDevelopment_NoFix()
    {
        // In production only the hand-written headers answer: removing them would leave no CORS at all there.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin()));
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseCors();
            }

            app.Use(async (context, next) =>
            {
                {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = "*"|};
                await next();
            });
            app.MapGet("/", () => "ok");
            app.Run();
            """;
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test(source, source)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseExistingPolicyKey,
        };
        test.ExpectedDiagnostics.Add(Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithArguments("Access-Control-Allow-Origin"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("context.Request.Method == HttpMethod.Options.Method", "await context.Response.WriteAsync(\"OK\");")]
    [InlineData("context.Request.Method == HttpMethods.Options", "await context.Response.CompleteAsync();")]
    [InlineData("\"OPTIONS\".Equals(context.Request.Method, StringComparison.OrdinalIgnoreCase)", "")]
    [InlineData("context.Request.Method.Equals(\"OPTIONS\")", "")]
    public async Task PreflightShortCircuitSpellings_Fix_RemovesTheMiddleware(string condition, string answer)
    {
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com"|};
                {|#1:context.Response.Headers["Access-Control-Allow-Methods"] = "GET, PUT"|};
                if ({{condition}})
                {
                    context.Response.StatusCode = 200;
                    {{answer}}
                    return;
                }

                await next();
            });
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins("https://app.contoso.com").WithMethods("GET", "PUT")));
            var app = builder.Build();
            app.UseCors("AppCors");
            app.MapGet("/", () => "ok");
            app.Run();
            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task ClassReturningWriteAsyncForPreflight_Fix_RemovesRegistrationAndClass()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseMiddleware<PreflightMiddleware>();
            app.MapGet("/", () => "ok");
            app.Run();

            public class PreflightMiddleware
            {
                private readonly RequestDelegate _next;

                public PreflightMiddleware(RequestDelegate next) => _next = next;

                public Task Invoke(HttpContext context)
                {
                    {|#0:context.Response.Headers.Add("Access-Control-Allow-Origin", "https://app.contoso.com")|};
                    {|#1:context.Response.Headers.Add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")|};
                    if ("OPTIONS".Equals(context.Request.Method, StringComparison.OrdinalIgnoreCase))
                    {
                        context.Response.StatusCode = 200;
                        return context.Response.WriteAsync("OK");
                    }

                    return _next.Invoke(context);
                }
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("AppCors", policy => policy.WithOrigins("https://app.contoso.com").WithMethods("GET", "POST", "PUT", "DELETE")));
            var app = builder.Build();
            app.UseCors("AppCors");
            app.MapGet("/", () => "ok");
            app.Run();

            """,
            Diagnostic(DiagnosticIds.HandWrittenCorsHeaders).WithLocation(0).WithLocation(1).WithArguments("Access-Control-Allow-Origin, Access-Control-Allow-Methods"));
    }

    private static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<HeaderRules>.Diagnostic(id);

    private static async Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixVerifier<HeaderRules, UseCorsMiddlewareCodeFixProvider>.Test(source, fixedSource)
        {
            CodeActionEquivalenceKey = UseCorsMiddlewareCodeFixProvider.UseMiddlewareKey,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }
}
