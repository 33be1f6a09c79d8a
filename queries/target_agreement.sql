-- データと方法: the targets classifier's agreement with the hand labels, per field and method (rules in sample, a
-- trained model by 5-fold cross-validation), as analysis/target_agreement_report.py computed it at build time.
SELECT field, method, n, agreement, kappa, out_of_sample
FROM target_agreement
