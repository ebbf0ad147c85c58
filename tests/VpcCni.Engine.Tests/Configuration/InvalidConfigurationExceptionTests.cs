using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Configuration;

public class InvalidConfigurationExceptionTests
{
    [Fact]
    public void MessageListsEveryErrorOnItsOwnLine()
    {
        var errors = new[]
        {
            new ConfigurationError("MAX_ENI", ConfigurationSource.ConfigMap, "max-eni", "0", "-1 (no cap) or an integer ≥ 1"),
            new ConfigurationError("POD_MTU", ConfigurationSource.Environment, null, "10", "an integer from 576 to 9001"),
        };

        var ex = new InvalidConfigurationException(errors);

        Assert.Equal(
            "The VpcCni configuration has 2 errors:\n" +
            "  - MAX_ENI (ConfigMap key 'max-eni'): '0' is not accepted; expected -1 (no cap) or an integer ≥ 1.\n" +
            "  - POD_MTU (environment): '10' is not accepted; expected an integer from 576 to 9001.",
            ex.Message);
        Assert.Equal(VpcCniErrorCategory.InvalidConfiguration, ex.Category);
        Assert.Same(errors, ex.Errors);
    }
}
