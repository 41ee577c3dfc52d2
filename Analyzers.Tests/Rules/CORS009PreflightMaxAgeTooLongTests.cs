using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes;
using VerifyCS = CorsAnalyzers.Tests.CSharpCodeFixVerifier<
    CorsAnalyzers.Tests.PolicyRules,
    CorsAnalyzers.CodeFixes.PreflightMaxAgeTooLongCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public sealed class CORS009PreflightMaxAgeTooLongTests
{
    [Theory]
    [InlineData("TimeSpan.FromDays(30)", "2592000")]
    [InlineData("TimeSpan.FromHours(3)", "10800")]
    [InlineData("TimeSpan.FromSeconds(MaxAge)", "86400")]
    [InlineData("new TimeSpan(1, 0, 0, 0)", "86400")]
    [InlineData("TimeSpan.FromMinutes(121)", "7260")]
    public async Task AboveTwoHours_ReportsDiagnostic(string value, string seconds)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com").SetPreflightMaxAge({|#0:{{value}}|})));

            partial class Program
            {
                private const int MaxAge = 86400;
            }
            """, VerifyCS.Diagnostic(DiagnosticIds.PreflightMaxAgeTooLong).WithLocation(0).WithArguments(seconds));
    }

    [Theory]
    [InlineData("TimeSpan.FromHours(2)")]
    [InlineData("TimeSpan.FromMinutes(10)")]
    [InlineData("TimeSpan.FromSeconds(builder.Configuration.GetValue<int>(\"Cors:MaxAge\"))")]
    public async Task WithinLimitOrUnknown_NoDiagnostic(string value)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com").SetPreflightMaxAge({{value}})));
            """);
    }

    [Fact]
    public async Task Clamp_Fix_UsesTwoHours()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://app.contoso.com").SetPreflightMaxAge({|#0:TimeSpan.FromDays(1)|}));
            """, """
            var app = WebApplication.Create(args);
            app.UseCors(p => p.WithOrigins("https://app.contoso.com").SetPreflightMaxAge(TimeSpan.FromHours(2)));
            """, PreflightMaxAgeTooLongCodeFixProvider.ClampToTwoHoursKey,
            expected: VerifyCS.Diagnostic(DiagnosticIds.PreflightMaxAgeTooLong).WithLocation(0).WithArguments("86400"));
    }

    [Fact]
    public async Task Clamp_FixAll_WithoutSystemUsing_QualifiesType()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Cors
            {
                public static void Add(IServiceCollection services) => services.AddCors(o =>
                {
                    o.AddPolicy("a", p => p.WithOrigins("https://a.contoso.com").SetPreflightMaxAge({|#0:System.TimeSpan.FromDays(1)|}));
                    o.AddPolicy("b", p => p.WithOrigins("https://b.contoso.com").SetPreflightMaxAge({|#1:System.TimeSpan.FromHours(12)|}));
                });
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Cors
            {
                public static void Add(IServiceCollection services) => services.AddCors(o =>
                {
                    o.AddPolicy("a", p => p.WithOrigins("https://a.contoso.com").SetPreflightMaxAge(System.TimeSpan.FromHours(2)));
                    o.AddPolicy("b", p => p.WithOrigins("https://b.contoso.com").SetPreflightMaxAge(System.TimeSpan.FromHours(2)));
                });
            }
            """, PreflightMaxAgeTooLongCodeFixProvider.ClampToTwoHoursKey, false,
            VerifyCS.Diagnostic(DiagnosticIds.PreflightMaxAgeTooLong).WithLocation(0).WithArguments("86400"),
            VerifyCS.Diagnostic(DiagnosticIds.PreflightMaxAgeTooLong).WithLocation(1).WithArguments("43200"));
    }
}
