namespace CorsSample;

/// <summary>Written before the app used the CORS middleware; still registered for the /legacy endpoints.</summary>
public static class LegacyCorsMiddleware
{
    public static IApplicationBuilder UseLegacyCors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/legacy"))
            {
                // Copied from an Express app: "res.header('Access-Control-Allow-Origin', req.headers.origin)".
                var origin = context.Request.Headers.Origin.ToString();
                context.Response.Headers["Access-Control-Allow-Origin"] = origin; // expect: CORS016 expect: CORS017
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                context.Response.Headers["Access-Control-Expose-Headers"] = "*"; // expect: CORS022
            }

            if (context.Request.Path.StartsWithSegments("/partner-feed"))
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = "https://feeds.fabrikam.com";
                context.Response.Headers["Access-Control-Allow-Credentials"] = true.ToString(); // expect: CORS028
            }

            if (context.Request.Path.StartsWithSegments("/public"))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.Append("Access-Control-Allow-Origin", "*"); // expect: CORS018
                    context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
                    return Task.CompletedTask;
                });
            }

            await next();
        });
}
