using System.Collections.Generic;
using System.Text;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// Writes a synthetic but realistic code base: ordinary service, repository and controller-like classes (plain C#, so the
/// same files compile without ASP.NET Core), plus a few startup files with CORS configuration in every supported shape.
/// </summary>
internal static class SolutionGenerator
{
    /// <summary>
    /// The same domain files with a web app's startup but no CORS code at all: the common case of a project that
    /// references ASP.NET Core (pipeline, authorization, endpoints, security headers written by hand).
    /// </summary>
    public static List<(string Path, string Text)> GenerateWebWithoutCors(int files)
    {
        var sources = Generate(files, withCors: false);
        var startups = System.Math.Max(3, files / 500);
        for (var i = 0; i < startups; i++)
        {
            sources.Add(($"src/Startup/WebSetup{i}.cs", WebStartupFile(i)));
        }

        sources.Add(("src/Program.cs", WebProgram()));
        return sources;
    }

    public static List<(string Path, string Text)> Generate(int files, bool withCors)
    {
        var sources = new List<(string, string)>(files + 8);
        for (var i = 0; i < files; i++)
        {
            sources.Add(($"src/Domain/Service{i}.cs", OrdinaryFile(i)));
        }

        if (withCors)
        {
            var startups = System.Math.Max(3, files / 500);
            for (var i = 0; i < startups; i++)
            {
                sources.Add(($"src/Startup/CorsSetup{i}.cs", StartupFile(i)));
            }

            sources.Add(("src/Program.cs", Program()));
        }

        return sources;
    }

    private static string OrdinaryFile(int i)
    {
        var text = new StringBuilder();
        text.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Shop.Domain{{i % 40}};

            public sealed record Order{{i}}(int Id, string Customer, decimal Total, DateTime Created, IReadOnlyList<string> Tags);

            public interface IOrderRepository{{i}}
            {
                Task<Order{{i}}?> FindAsync(int id, CancellationToken cancellationToken);
                IEnumerable<Order{{i}}> All();
            }

            public sealed class InMemoryOrderRepository{{i}} : IOrderRepository{{i}}
            {
                private readonly Dictionary<int, Order{{i}}> _orders = new();
                private readonly HashSet<string> _blockedCustomers = new(StringComparer.OrdinalIgnoreCase) { "spam@example.com" };

                public Task<Order{{i}}?> FindAsync(int id, CancellationToken cancellationToken) =>
                    Task.FromResult(_orders.TryGetValue(id, out var order) ? order : null);

                public IEnumerable<Order{{i}}> All() => _orders.Values.OrderBy(o => o.Created);

                public bool IsBlocked(string customer) => _blockedCustomers.Contains(customer) || customer.EndsWith("example.org");

                public void Add(Order{{i}} order)
                {
                    if (order.Total < 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(order));
                    }

                    _orders[order.Id] = order;
                }
            }

            public sealed class OrderService{{i}}
            {
                private readonly IOrderRepository{{i}} _repository;
                private readonly Func<string, bool> _isVip = customer => customer.StartsWith("vip:", StringComparison.Ordinal);

                public OrderService{{i}}(IOrderRepository{{i}} repository) => _repository = repository;

                public async Task<decimal> TotalForAsync(string customer, CancellationToken cancellationToken)
                {
                    decimal total = 0;
                    foreach (var order in _repository.All().Where(o => o.Customer == customer))
                    {
                        var found = await _repository.FindAsync(order.Id, cancellationToken).ConfigureAwait(false);
                        total += found?.Total ?? 0;
                    }

                    return _isVip(customer) ? total * 0.9m : total;
                }

                public string Describe(Order{{i}} order)
                {
                    var tags = string.Join(", ", order.Tags.Where(t => !t.Contains("internal")).Select(t => t.ToUpperInvariant()));
                    return order.Total switch
                    {
                        > 1000 => $"Large order {order.Id} for {order.Customer} ({tags})",
                        > 100 => $"Order {order.Id} for {order.Customer} ({tags})",
                        _ => $"Small order {order.Id}",
                    };
                }
            }

            """);
        return text.ToString();
    }

    private static string StartupFile(int i) => $$"""
        using System;
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Cors.Infrastructure;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        namespace Shop.Startup;

        public static class CorsSetup{{i}}
        {
            private const string Spa = "spa{{i}}";
            private static readonly string[] Partners = { "https://widgets.fabrikam.com", "https://shop.adventure-works.com/" };

            public static IServiceCollection AddCors{{i}}(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
                services.AddCors(options =>
                {
                    options.AddPolicy(Spa, policy => policy
                        .WithOrigins(configuration.GetSection("Cors:Origins").Get<string[]>() ?? [])
                        .AllowAnyHeader()
                        .AllowCredentials());
                    options.AddPolicy("partners{{i}}", policy =>
                    {
                        policy.WithOrigins(Partners).WithMethods("GET");
                        if (environment.IsDevelopment())
                        {
                            policy.WithOrigins("http://localhost:5173");
                        }
                    });
                    options.AddPolicy("tenants{{i}}", policy => policy.WithOrigins("https://*.contoso.com").WithSession{{i}}());
                    options.AddPolicy("admin{{i}}", policy => policy.SetIsOriginAllowed(IsAdmin).AllowCredentials());
                    options.AddDefaultPolicy(policy => policy.AllowAnyOrigin().SetPreflightMaxAge(TimeSpan.FromDays(1)));
                    var built = new CorsPolicyBuilder("https://reports.contoso.com");
                    built.AllowAnyMethod();
                    options.AddPolicy("reports{{i}}", built.Build());
                });

            public static WebApplication UseCors{{i}}(this WebApplication app)
            {
                app.UseRouting();
                app.UseCors();
                app.UseAuthorization();
                app.MapGet("/r{{i}}", () => "ok").RequireCors(p => p.WithOrigins("https://app.contoso.com"));
                return app;
            }

            private static CorsPolicyBuilder WithSession{{i}}(this CorsPolicyBuilder policy) => policy.SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials();

            private static bool IsAdmin(string origin) =>
                Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Host == "admin.contoso.com" || Regex.IsMatch(uri.Host, "^[a-z]+\\.contoso\\.com$"));
        }
        """;

    private static string Program() => """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Shop.Startup;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors0(builder.Configuration, builder.Environment);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseCors0();
        app.Run();
        """;

    private static string WebStartupFile(int i) => $$"""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop.Startup;

        public static class WebSetup{{i}}
        {
            public static IServiceCollection AddWeb{{i}}(this IServiceCollection services, IConfiguration configuration)
            {
                services.AddAuthorization(options => options.AddPolicy("admin{{i}}", p => p.RequireRole("admin")));
                services.AddResponseCaching();
                services.Configure<RouteOptions>(o => o.LowercaseUrls = configuration.GetValue<bool>("Routing:Lowercase"));
                return services;
            }

            public static WebApplication UseWeb{{i}}(this WebApplication app)
            {
                app.UseRouting();
                app.UseAuthorization();
                app.Use(async (context, next) =>
                {
                    context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                    context.Response.Headers.Append("X-Frame-Options", "DENY");
                    context.Response.Headers.CacheControl = "no-store";
                    if (HttpMethods.IsOptions(context.Request.Method))
                    {
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                        return;
                    }

                    await next();
                });
                app.MapGet("/w{{i}}", (HttpContext context) => Results.Ok(context.Request.Headers.UserAgent.ToString())).RequireAuthorization("admin{{i}}");
                return app;
            }
        }
        """;

    private static string WebProgram() => """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Shop.Startup;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddWeb0(builder.Configuration);
        var app = builder.Build();
        app.UseWeb0();
        app.Run();
        """;
}
