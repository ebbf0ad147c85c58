using System.ComponentModel.DataAnnotations;
using VpcCni.Service.Node;

namespace VpcCni.Service.Tests.Node;

/// <summary>The <c>NodeLoop</c> section: upstream's timer values by default, any non-negative wait accepted.</summary>
public sealed class NodeLoopOptionsTests
{
    [Fact]
    public void TheDefaultsAreUpstreamsTimers()
    {
        var options = new NodeLoopOptions();

        Assert.Equal(
            (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)),
            (options.Interval, options.InsufficientAddressCooldown, options.DecreaseInterval, options.MinimumEniLifetime));
        Assert.Empty(Errors(options));
    }

    [Theory]
    [InlineData(nameof(NodeLoopOptions.DecreaseInterval))]
    [InlineData(nameof(NodeLoopOptions.MinimumEniLifetime))]
    [InlineData(nameof(NodeLoopOptions.InsufficientAddressCooldown))]
    public void ANegativeWaitIsRejectedAndZeroIsAccepted(string property)
    {
        var setter = typeof(NodeLoopOptions).GetProperty(property)!;
        var zero = new NodeLoopOptions();
        setter.SetValue(zero, TimeSpan.Zero);
        var negative = new NodeLoopOptions();
        setter.SetValue(negative, TimeSpan.FromSeconds(-1));

        Assert.Empty(Errors(zero));
        var error = Assert.Single(Errors(negative));
        Assert.Equal([property], error.MemberNames);
        Assert.Contains($"NodeLoop:{property}", error.ErrorMessage, StringComparison.Ordinal);
    }

    private static List<ValidationResult> Errors(NodeLoopOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
