using System.Text.Json.Serialization;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Serving;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Serving;

/// <summary>The <c>/serve</c> answer is written by the generated serializer, not by reflection.</summary>
[Collection(RunningApp.Name)]
public sealed class ServingJsonTests(AppHost app)
{
    [Fact]
    public void HttpJsonOptions_ServeResponse_ResolvedFromTheGeneratedContext()
    {
        // Arrange
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        // Act
        var typeInfo = options.GetTypeInfo(typeof(ServeResponse));

        // Assert
        Assert.IsType<ServingJsonContext>(typeInfo.OriginatingResolver);
        Assert.IsAssignableFrom<JsonSerializerContext>(options.GetTypeInfo(typeof(ServeExplanation)).OriginatingResolver);
    }
}
