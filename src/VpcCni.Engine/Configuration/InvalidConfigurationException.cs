using System.Text;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Configuration;

/// <summary>
/// Thrown when one or more configuration values are rejected. It carries every
/// <see cref="ConfigurationError"/> found in one pass, so the operator can fix them all at once.
/// </summary>
public sealed class InvalidConfigurationException : VpcCniException
{
    public InvalidConfigurationException()
        : this([])
    {
    }

    public InvalidConfigurationException(string message)
        : base(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Config.InvalidConfiguration, message)
    {
        Errors = [];
    }

    public InvalidConfigurationException(string message, Exception innerException)
        : base(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Config.InvalidConfiguration, message, innerException)
    {
        Errors = [];
    }

    public InvalidConfigurationException(IReadOnlyList<ConfigurationError> errors)
        : base(VpcCniErrorCategory.InvalidConfiguration, ErrorIds.Config.InvalidConfiguration, Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every rejected value, in the order the variables are catalogued.</summary>
    public IReadOnlyList<ConfigurationError> Errors { get; }

    private static string Describe(IReadOnlyList<ConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = new StringBuilder();
        text.Append("The VpcCni configuration has ").Append(errors.Count).Append(errors.Count == 1 ? " error:" : " errors:");
        foreach (var error in errors)
        {
            text.Append('\n').Append("  - ").Append(error.Message);
        }

        return text.ToString();
    }
}
