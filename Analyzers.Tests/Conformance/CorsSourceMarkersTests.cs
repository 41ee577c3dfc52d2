namespace CorsAnalyzers.Tests.Conformance;

/// <summary>The text scan that decides whether a compilation can hold CORS code.</summary>
public sealed class CorsSourceMarkersTests
{
    [Theory]
    [InlineData("services.AddCors();", true)]
    [InlineData("using Microsoft.AspNetCore.Cors;", true)]
    [InlineData("const string Origin = \"access-control-allow-origin\";", true)]
    [InlineData("var name = HeaderNames.AccessControlAllowCredentials;", true)]
    [InlineData("var name = \"Access-\" + \"Control-Allow-Origin\";", true)]
    [InlineData("var cors = \"cors\"; var control = \"Cache-Control\"; var access = \"Access\";", false)]
    [InlineData("", false)]
    public void Text(string source, bool mayHoldCors) =>
        Assert.Equal(mayHoldCors, CorsAnalyzers.Model.CorsSourceMarkers.TextMayHoldCors(Microsoft.CodeAnalysis.Text.SourceText.From(source), default));

    [Theory]
    [InlineData(4090)]
    [InlineData(4096)]
    [InlineData(4100)]
    [InlineData(8185)]
    public void MarkerAnywhereInALongFile_IsFound(int at)
    {
        var source = new string(' ', at) + "Access-Control-Allow-Origin" + new string(' ', 5000);

        Assert.True(CorsAnalyzers.Model.CorsSourceMarkers.TextMayHoldCors(Microsoft.CodeAnalysis.Text.SourceText.From(source), default));
    }
}
