namespace VpcCni.Plugin.Cni;

/// <summary>The operations of the CNI spec, section "CNI operations" (CNI_COMMAND).</summary>
public enum CniCommand
{
    Add,
    Del,
    Check,
    Status,
    Gc,
    Version,
}
