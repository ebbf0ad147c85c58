using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using VpcCni.Service.Cni;

namespace VpcCni.Service.Tests.Cni;

/// <summary>
/// Every host these tests build, in-process or as a child process (which inherits the environment),
/// would write <c>/etc/cni/net.d/10-aws.conflist</c> once ready: the service's default. The tests must
/// never touch the machine's CNI configuration, so the whole test process starts with writing off
/// (<c>CniConfig__Enabled=false</c>, read by every host through its environment source); the tests of
/// the writer turn it on with a temporary directory through a source that wins over the environment.
/// </summary>
internal static class CniConfigTestDefaults
{
    public const string EnabledVariable = CniConfigOptions.SectionName + "__" + nameof(CniConfigOptions.Enabled);

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the setting must be in place before any test builds a host.")]
    internal static void WriteNoCniConfigurationOnThisMachine() => Environment.SetEnvironmentVariable(EnabledVariable, "false");
}
