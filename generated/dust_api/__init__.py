"""placeholder until first generation"""
