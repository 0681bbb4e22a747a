//! Completions of MES (placeholder until written).
