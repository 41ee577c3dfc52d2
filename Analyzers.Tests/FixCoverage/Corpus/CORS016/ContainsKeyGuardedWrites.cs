var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
var app = builder.Build();

app.UseStaticFiles();
app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    if (!headers.ContainsKey("Access-Control-Allow-Origin"))
    {
        headers.Add("Access-Control-Allow-Origin", "https://shop.northwind.com");
    }

    if (!headers.ContainsKey("Access-Control-Allow-Headers"))
    {
        headers.Add("Access-Control-Allow-Headers", "Content-Type, X-Requested-With");
    }

    await next(context);
});
app.UseRouting();
app.MapRazorPages();
app.Run();
