using System.Threading.Tasks;
using VerifyCS = CorsAnalyzers.Tests.CSharpAnalyzerVerifier<CorsAnalyzers.Tests.PipelineRules>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS010UseCorsWithoutServicesTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Missing() =>
        VerifyCS.Diagnostic(DiagnosticIds.UseCorsWithoutServices).WithLocation(0).WithLocation(1);

    [Theory]
    [InlineData("")]
    [InlineData("builder.Services.AddRazorPages();")]
    [InlineData("builder.Services.AddMvcCore();")]
    [InlineData("builder.Services.AddSignalR();")]
    [InlineData("builder.Services.AddRouting();")]
    public async Task MinimalHostingWithoutRegistration_ReportsDiagnostic(string services)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{services}}
            {|#1:var app = builder.Build();|}
            app.{|#0:UseCors()|};
            app.MapGet("/", () => "ok");
            app.Run();
            """, Missing());
    }

    [Theory]
    [InlineData("builder.Services.AddCors();")]
    [InlineData("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(\"https://app.contoso.com\")));")]
    [InlineData("builder.Services.AddControllers();")]
    [InlineData("builder.Services.AddControllersWithViews();")]
    [InlineData("builder.Services.AddMvc();")]
    [InlineData("builder.Services.AddMvcCore().AddCors();")]
    [InlineData("builder.Services.AddAppServices();")]
    public async Task ServicesRegistered_NoDiagnostic(string services)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{services}}
            var app = builder.Build();
            app.UseCors(p => p.WithOrigins("https://app.contoso.com"));
            app.Run();

            static class ServiceSetup
            {
                public static IServiceCollection AddAppServices(this IServiceCollection services) => services.AddCors();
            }
            """);
    }

    [Fact]
    public async Task StartupWithMain_ReportsDiagnosticWithConfigureServicesSlot()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    {|#1:services.AddRazorPages();|}
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|#0:UseCors("spa")|};
                    app.UseEndpoints(e => e.MapRazorPages());
                }
            }
            """, Missing());
    }

    [Fact]
    public async Task ClassLibraryWithUseCors_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class FeatureExtensions
            {
                public static IApplicationBuilder UseFeature(this IApplicationBuilder app) => app.UseCors("feature");
            }
            """);
    }

    [Fact]
    public async Task NoUseCors_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "ok");
            app.Run();
            """);
    }

    [Theory]
    [InlineData("Platform.AddDefaults(builder.Services);", false)]
    [InlineData("Platform.AddDefaults(builder);", false)]
    [InlineData("builder.Services.AddPlatform();", false)]
    [InlineData("Platform.Log(\"starting\");", true)]
    public async Task ServicesHandedToAnotherProject_ReportsOnlyWhenItCannotRegisterCors(string call, bool reported)
    {
        var test = new VerifyCS.Test($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{call}}
            {|#1:var app = builder.Build();|}
            app.{|#0:UseCors()|};
            app.Run();
            """);
        test.WithReferencedProject("Platform", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Platform
            {
                public static void AddDefaults(IServiceCollection services) => services.AddCors();
                public static void AddDefaults(WebApplicationBuilder builder) => builder.Services.AddCors();
                public static IServiceCollection AddPlatform(this IServiceCollection services) => services.AddCors();
                public static void Log(string message) { }
            }
            """);
        if (reported)
        {
            test.ExpectedDiagnostics.Add(Missing());
        }

        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Theory]
    [InlineData("builder.Host.ConfigureServices((context, services) => { services.AddCors(o => o.AddPolicy(\"web\", p => p.WithOrigins(\"https://app.contoso.com\"))); });")]
    [InlineData("builder.Host.ConfigureServices(services => services.AddCors());")]
    [InlineData("builder.WebHost.ConfigureServices(services => { services.AddCors(); });")]
    [InlineData("builder.WebHost.ConfigureServices((context, services) => services.AddCors());")]
    [InlineData("builder.Host.ConfigureServices(Registrations.Add);")]
    [InlineData("new AppModule().ConfigureServices(new ServiceConfigurationContext(builder.Services));")]
    [InlineData("")]
    public async Task ServicesRegisteredInHostCallbackOrModule_NoDiagnostic(string services)
    {
        // The empty case: the module's AddCors is in the compilation even where nothing in sight calls the module.
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{services}}
            var app = builder.Build();
            app.UseCors("web");
            app.MapGet("/", () => "ok");
            app.Run();

            static class Registrations
            {
                public static void Add(HostBuilderContext context, IServiceCollection services) => services.AddCors();
            }

            public sealed class ServiceConfigurationContext(IServiceCollection services)
            {
                public IServiceCollection Services { get; } = services;
            }

            public class AppModule
            {
                public void ConfigureServices(ServiceConfigurationContext context)
                {
                    ConfigureCors(context);
                }

                private static void ConfigureCors(ServiceConfigurationContext context) =>
                    context.Services.AddCors(options => options.AddPolicy("web", p => p.WithOrigins("https://app.contoso.com")));
            }
            """);
    }

    [Fact]
    public async Task GenericHostConfigureServicesWithStartupConfigure_NoDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args)
                        .ConfigureServices((context, services) =>
                        {
                            services.AddRouting();
                            services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com")));
                        })
                        .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
                        .Build()
                        .Run();
            }

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseEndpoints(e => e.MapGet("/", () => "ok"));
                }
            }
            """);
    }

    [Theory]
    [InlineData("builder.Host.ConfigureServices((context, services) => services.AddRouting());")]
    [InlineData("builder.WebHost.ConfigureServices(services => services.AddSignalR());")]
    public async Task HostCallbackWithoutCorsRegistration_ReportsDiagnostic(string services)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{services}}
            {|#1:var app = builder.Build();|}
            app.{|#0:UseCors()|};
            app.MapGet("/", () => "ok");
            app.Run();
            """, Missing());
    }

    [Fact]
    public async Task ModuleLookAlikeWithoutServiceCollection_ReportsDiagnostic()
    {
        // A user method named AddCors on a type of its own registers nothing.
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            new AppModule().ConfigureServices(new ModuleContext());
            {|#1:var app = builder.Build();|}
            app.{|#0:UseCors()|};
            app.Run();

            public sealed class ModuleContext
            {
                public ModuleContext AddCors() => this;
            }

            public class AppModule
            {
                public void ConfigureServices(ModuleContext context) => context.AddCors();
            }
            """, Missing());
    }
}
