namespace Zhifa.Tests.Web;

/// <summary>One running app for all web tests; they run one after another against it.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
