using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace VpcCni.PowerShell;

/// <summary>
/// Bridges the module assembly (in PowerShell's default load context) to the engine loaded in
/// <see cref="DependencyLoadContext"/>. The module folder keeps only this assembly at its root;
/// everything else lives in <c>dependencies/</c>, which PowerShell never probes on its own.
/// </summary>
public sealed class ModuleAssemblyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly Lazy<DependencyLoadContext> LoadContext = new(() => new DependencyLoadContext(
        Path.Combine(Path.GetDirectoryName(typeof(ModuleAssemblyLoader).Assembly.Location)!, "dependencies")));

    public void OnImport() => AssemblyLoadContext.Default.Resolving += Resolve;

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        // Remove-Module takes the cmdlets that could stop them away: stop this session's simulated nodes first.
        Simulation.SimulationRegistry.StopAll(TimeSpan.FromSeconds(5));
        AssemblyLoadContext.Default.Resolving -= Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        LoadContext.Value.Owns(name) ? LoadContext.Value.LoadFromAssemblyName(name) : null;
}
