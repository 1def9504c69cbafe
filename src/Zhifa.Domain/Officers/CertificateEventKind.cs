namespace Zhifa.Domain.Officers;

public enum CertificateEventKind
{
    Issued,     // 发证
    Suspended,  // 暂扣
    Reinstated, // 恢复
    Revoked,    // 注销
}
